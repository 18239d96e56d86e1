package dev.scenariohub.platform.events;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Applies event-carried state to a read model only when it is newer than what the model
 * holds: each document keeps the {@code sequence} of the last event applied, and an event
 * whose sequence is not greater changes nothing. A late, repeated or replayed event can
 * never roll the model back.
 */
public final class SequencedReadModel {

	public static final String SEQUENCE = "sequence";

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	public SequencedReadModel(ReactiveMongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/**
	 * Changes an existing document only (a partial state cannot start a model).
	 * @return true when the update was applied, false when the document is missing or not
	 * older
	 */
	public Mono<Boolean> updateIfNewer(String id, long sequence, Update update) {
		Query older = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where(SEQUENCE).lt(sequence), Criteria.where(SEQUENCE).exists(false)));
		return this.mongo.updateFirst(older, update.set(SEQUENCE, sequence), this.collection)
			.map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * @return true when the update was applied, false when the model already had this or
	 * a newer sequence
	 */
	public Mono<Boolean> applyIfNewer(String id, long sequence, Update update) {
		Query olderOrAbsent = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where(SEQUENCE).lt(sequence), Criteria.where(SEQUENCE).exists(false)));
		return this.mongo.upsert(olderOrAbsent, update.set(SEQUENCE, sequence), this.collection)
			.map(result -> true)
			// the document exists with a sequence >= this one: the upsert's insert hits
			// the _id index
			.onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
	}

}
