package dev.scenariohub.notification.preferences;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** One preferences document per recipient. */
@Repository
public class PreferencesRepository {

	static final String COLLECTION = "notification-preferences";

	private final ReactiveMongoTemplate mongo;

	public PreferencesRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Preferences> of(String recipient) {
		return this.mongo.findById(recipient, Preferences.class, COLLECTION)
			.defaultIfEmpty(Preferences.defaults(recipient));
	}

	public Mono<Preferences> save(Preferences preferences) {
		return this.mongo.save(preferences, COLLECTION);
	}

	/**
	 * Marks an address confirmed, if it is still the recipient's address (one conditional
	 * update, so a change of address at the same moment is never overwritten).
	 * @return whether it is
	 */
	public Mono<Boolean> confirmEmail(String recipient, String email) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(recipient).and("email").is(email)),
					Update.update("confirmedEmail", email), COLLECTION)
			.map(result -> result.getMatchedCount() > 0);
	}

}
