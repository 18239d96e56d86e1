package dev.scenariohub.scenario.review;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The free text of reviews — a reviewer's comment, the reason of a recusal — kept outside
 * the scenario's document, which would otherwise grow by up to 30 KB per review and pass
 * MongoDB's 16 MB limit at a few hundred reviews. Each text is written once under a new
 * id before the assignment that refers to it is saved; a text whose save was then refused
 * is referred to by nothing and never shown.
 */
@Repository
public class ReviewTextRepository {

	static final String COLLECTION = "review-texts";

	private final ReactiveMongoTemplate mongo;

	public ReviewTextRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Keeps a text under its id (an ObjectId in hex, as Spring Data queries ids). */
	public Mono<Void> keep(String textId, String scenarioId, String assignmentId, String text, Instant at) {
		return this.mongo
			.insert(new Document("_id", new ObjectId(textId)).append("scenarioId", scenarioId)
				.append("assignmentId", assignmentId)
				.append("text", text)
				.append("at", at), COLLECTION)
			.then();
	}

	/** Text id → text. */
	public Mono<Map<String, String>> of(Collection<String> textIds) {
		if (textIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(textIds)), Document.class, COLLECTION)
			.collect(Collectors.toMap(doc -> doc.getObjectId("_id").toHexString(), doc -> doc.getString("text")));
	}

}
