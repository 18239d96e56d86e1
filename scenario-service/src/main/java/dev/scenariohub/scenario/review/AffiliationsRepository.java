package dev.scenariohub.scenario.review;

import java.util.Collection;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reviewers' declared affiliations, one document per reviewer. */
@Repository
public class AffiliationsRepository {

	static final String COLLECTION = "reviewer-affiliations";

	private final ReactiveMongoTemplate mongo;

	public AffiliationsRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Affiliations> save(Affiliations affiliations) {
		return this.mongo.save(affiliations, COLLECTION);
	}

	public Mono<Affiliations> of(String reviewer) {
		return this.mongo.findById(reviewer, Affiliations.class, COLLECTION)
			.defaultIfEmpty(Affiliations.none(reviewer));
	}

	public Flux<Affiliations> of(Collection<String> reviewers) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(reviewers)), Affiliations.class, COLLECTION);
	}

}
