package dev.scenariohub.notification.preferences;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.notification.templates.Templates;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One preferences document per recipient. Every change is one write of only the fields it
 * changes, never a document read, changed and saved back: a change made at the same
 * moment (an unsubscribe link followed from another mail, an address confirmed) is never
 * overwritten by a stale copy.
 */
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

	/**
	 * Replaces what the recipient chooses (locale, address, channels per family), keeping
	 * which address was confirmed.
	 * @return the preferences as stored now
	 */
	public Mono<Preferences> choose(String recipient, String locale, String email,
			Map<EventFamily, Set<Channel>> channels) {
		Update update = new Update().set("locale", locale)
			.set("channels", stored(channels == null ? Map.of() : channels));
		if (email == null) {
			update.unset("email");
		}
		else {
			update.set("email", email);
		}
		return this.mongo.findAndModify(byRecipient(recipient), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Preferences.class, COLLECTION);
	}

	/**
	 * Turns one channel off for one family. A family not listed yet had every channel: it
	 * is listed with all but this one.
	 */
	public Mono<Void> turnOff(String recipient, EventFamily family, Channel channel) {
		String path = "channels." + family.name();
		Mono<Boolean> listed = this.mongo
			.updateFirst(byRecipient(recipient).addCriteria(Criteria.where(path).exists(true)),
					new Update().pull(path, channel.name()), COLLECTION)
			.map(result -> result.getMatchedCount() > 0);
		Set<Channel> others = EnumSet.complementOf(EnumSet.of(channel));
		Mono<Void> listedWithoutIt = this.mongo
			.upsert(byRecipient(recipient).addCriteria(Criteria.where(path).exists(false)),
					new Update().set(path, stored(others)).setOnInsert("locale", Templates.DEFAULT_LOCALE), COLLECTION)
			.then();
		// an upsert that lost the race to create the document (or to list the family)
		// finds it there on the next try
		return listed.flatMap(done -> done ? Mono.<Void>empty() : listedWithoutIt)
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
	}

	private static Query byRecipient(String recipient) {
		return Query.query(Criteria.where("_id").is(recipient));
	}

	/** A value as the store keeps it in a preferences document. */
	private Object stored(Object value) {
		return this.mongo.getConverter().convertToMongoType(value);
	}

	/**
	 * Marks an address confirmed, if it is still the recipient's address (one conditional
	 * update, so a change of address at the same moment is never overwritten).
	 * @return whether it is
	 */
	public Mono<Boolean> confirmEmail(String recipient, String email) {
		return this.mongo
			.updateFirst(byRecipient(recipient).addCriteria(Criteria.where("email").is(email)),
					Update.update("confirmedEmail", email), COLLECTION)
			.map(result -> result.getMatchedCount() > 0);
	}

}
