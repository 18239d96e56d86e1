package dev.scenariohub.notification.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.scenariohub.platform.events.SequencedReadModel;
import dev.scenariohub.platform.events.StoreIndexes;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is who, learnt from events only: which enterprise applied to which scenario, who
 * acts for an enterprise, what a scenario is about, and (from configuration) the officers
 * to tell.
 */
@Component
public class DirectoryRepository {

	static final String SCENARIOS = "directory-scenarios";

	static final String APPLICATIONS = "directory-applications";

	static final String ENTERPRISES = "directory-enterprises";

	private final ReactiveMongoTemplate mongo;

	private final SequencedReadModel scenarios;

	private final SequencedReadModel applications;

	private final SequencedReadModel enterprises;

	private final List<String> officers;

	public DirectoryRepository(ReactiveMongoTemplate mongo,
			@Value("${notifications.officers:}") List<String> officers) {
		this.mongo = mongo;
		this.scenarios = new SequencedReadModel(mongo, SCENARIOS);
		this.applications = new SequencedReadModel(mongo, APPLICATIONS);
		this.enterprises = new SequencedReadModel(mongo, ENTERPRISES);
		this.officers = officers.stream().filter(o -> !o.isBlank()).toList();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, APPLICATIONS, StoreIndexes.on("by-scenario", "scenarioId"));
	}

	public List<String> officers() {
		return this.officers;
	}

	public Mono<Boolean> scenario(ScenarioInfo scenario, long sequence) {
		return this.scenarios.applyIfNewer(scenario.id(), sequence,
				new Update().set("title", scenario.title())
					.set("sector", scenario.sector())
					.set("capabilities", scenario.capabilities())
					.set("timeZone", scenario.timeZone()));
	}

	public Mono<ScenarioInfo> scenario(String id) {
		return this.mongo.findById(id, Document.class, SCENARIOS)
			.map(d -> new ScenarioInfo(id, d.getString("title"), d.getString("sector"),
					d.getList("capabilities", String.class, List.of()), d.getString("timeZone")));
	}

	public Mono<Boolean> application(String id, long sequence, String scenarioId, String enterpriseId) {
		return this.applications.applyIfNewer(id, sequence,
				new Update().set("scenarioId", scenarioId).set("enterpriseId", enterpriseId));
	}

	public Mono<Boolean> enterprise(String id, long sequence, String owner, List<String> members) {
		return this.enterprises.applyIfNewer(id, sequence,
				new Update().set("owner", owner).set("members", members == null ? List.of() : members));
	}

	/** The owner and members of an enterprise. */
	public Mono<List<String>> peopleOf(String enterpriseId) {
		return this.mongo.findById(enterpriseId, Document.class, ENTERPRISES).map(d -> {
			List<String> people = new ArrayList<>();
			if (d.getString("owner") != null) {
				people.add(d.getString("owner"));
			}
			people.addAll(d.getList("members", String.class, List.of()));
			return people;
		}).defaultIfEmpty(List.of());
	}

	/** The people of the enterprise that made an application. */
	public Mono<List<String>> applicantOf(String applicationId) {
		return this.mongo.findById(applicationId, Document.class, APPLICATIONS)
			.flatMap(d -> peopleOf(d.getString("enterpriseId")))
			.defaultIfEmpty(List.of());
	}

	/** The people of every enterprise that applied to a scenario. */
	public Mono<Set<String>> applicantsOf(String scenarioId) {
		return this.mongo.find(Query.query(Criteria.where("scenarioId").is(scenarioId)), Document.class, APPLICATIONS)
			.map(d -> d.getString("enterpriseId"))
			.distinct()
			.flatMap(this::peopleOf)
			.flatMapIterable(people -> people)
			.collect(LinkedHashSet::new, Set::add);
	}

	/**
	 * What a scenario is about, for subscribers and texts.
	 *
	 * @param timeZone the IANA zone its deadlines are shown in, or null when not known
	 */
	public record ScenarioInfo(String id, String title, String sector, List<String> capabilities, String timeZone) {

		public ScenarioInfo {
			title = title == null ? "" : title;
			sector = sector == null ? "" : sector;
			capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
		}

		/** A scenario no event has described yet. */
		public static ScenarioInfo unknown(String id) {
			return new ScenarioInfo(id, "", "", List.of(), null);
		}
	}

}
