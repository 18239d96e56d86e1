package dev.scenariohub.scenario.readmodel;

import java.util.Collection;
import java.util.List;

import dev.scenariohub.platform.events.SequencedReadModel;
import dev.scenariohub.platform.events.StoreIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The read models of applications and enterprises, newest sequence wins. */
@Repository
public class KnownApplicantRepository {

	static final String APPLICATIONS = "known-applications";

	static final String ENTERPRISES = "known-enterprises";

	private final ReactiveMongoTemplate mongo;

	private final SequencedReadModel applications;

	private final SequencedReadModel enterprises;

	public KnownApplicantRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.applications = new SequencedReadModel(mongo, APPLICATIONS);
		this.enterprises = new SequencedReadModel(mongo, ENTERPRISES);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, APPLICATIONS, StoreIndexes.on("by-scenario", "scenarioId"));
	}

	public Mono<Boolean> applyApplication(ApplicationPayload a, long sequence) {
		Update update = new Update().set("scenarioId", a.scenarioId())
			.set("enterpriseId", a.enterpriseId())
			.set("status", a.status());
		if (a.proposal() != null) {
			update.set("proposal", this.mongo.getConverter().convertToMongoType(a.proposal()));
		}
		if (a.submittedAt() != null) {
			update.set("submittedAt", a.submittedAt());
		}
		return this.applications.applyIfNewer(a.applicationId(), sequence, update);
	}

	public Mono<Boolean> applyEnterprise(EnterprisePayload e, long sequence) {
		Update update = new Update().set("name", e.name())
			.set("creditCode", e.creditCode())
			.set("owner", e.owner())
			.set("members", e.members() == null ? List.of() : e.members());
		return this.enterprises.applyIfNewer(e.enterpriseId(), sequence, update);
	}

	public Mono<KnownApplication> application(String id) {
		return this.mongo.findById(id, KnownApplication.class, APPLICATIONS);
	}

	public Flux<KnownApplication> applications(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), KnownApplication.class, APPLICATIONS);
	}

	/** The applications of a scenario that are submitted and not withdrawn. */
	public Flux<KnownApplication> liveApplicationsOf(String scenarioId) {
		return this.mongo
			.find(Query.query(Criteria.where("scenarioId").is(scenarioId)), KnownApplication.class, APPLICATIONS)
			.filter(KnownApplication::isLive);
	}

	public Mono<KnownEnterprise> enterprise(String id) {
		return this.mongo.findById(id, KnownEnterprise.class, ENTERPRISES);
	}

}
