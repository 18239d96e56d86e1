package dev.scenariohub.notification.preferences;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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

}
