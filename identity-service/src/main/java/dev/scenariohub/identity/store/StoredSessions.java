package dev.scenariohub.identity.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * Sign-in sessions (the request that sent a person to the login form, the form's CSRF
 * token, who signed in) in MongoDB, so that every step of a sign-in may reach another
 * replica of the issuer, and a restart signs nobody out.
 *
 * <p>
 * A document per session, keyed by the SHA-256 of the session id (the cookie's value is
 * never stored), with the attributes serialized; it expires (TTL index) when the session
 * would time out. Concurrent requests of one session: the last to finish wins, as with
 * Spring Session's other stores.
 */
public class StoredSessions implements SessionRepository<MapSession> {

	static final String COLLECTION = "sessions";

	private final MongoCollection<Document> sessions;

	private final Duration maxInactiveInterval;

	private final Clock clock;

	public StoredSessions(MongoTemplate mongo, Duration maxInactiveInterval, Clock clock) {
		this.sessions = mongo.getCollection(COLLECTION);
		this.maxInactiveInterval = maxInactiveInterval;
		this.clock = clock;
		this.sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
	}

	@Override
	public MapSession createSession() {
		MapSession session = new MapSession();
		session.setCreationTime(this.clock.instant());
		session.setLastAccessedTime(session.getCreationTime());
		session.setMaxInactiveInterval(this.maxInactiveInterval);
		return session;
	}

	@Override
	public void save(MapSession session) {
		if (!session.getId().equals(session.getOriginalId())) {
			// a new id after signing in (session fixation protection): the old one is
			// void
			deleteById(session.getOriginalId());
		}
		HashMap<String, Object> attributes = new HashMap<>();
		for (String name : session.getAttributeNames()) {
			attributes.put(name, session.getAttribute(name));
		}
		Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		String key = StoredForm.digest(session.getId());
		Document document = new Document("_id", key).append("createdAt", Date.from(session.getCreationTime()))
			.append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
			.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.append("expiresAt", Date.from(expiresAt))
			.append("attributes", new Binary(StoredForm.serialized(attributes)));
		this.sessions.replaceOne(Filters.eq("_id", key), document, new ReplaceOptions().upsert(true));
	}

	@Override
	public MapSession findById(String id) {
		Document document = this.sessions.find(Filters.eq("_id", StoredForm.digest(id))).first();
		if (document == null) {
			return null;
		}
		MapSession session = new MapSession(id);
		session.setCreationTime(document.getDate("createdAt").toInstant());
		session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
		session.setMaxInactiveInterval(Duration.ofSeconds(document.getLong("maxInactiveSeconds")));
		if (session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(this.clock.instant())) {
			deleteById(id);
			return null;
		}
		Map<?, ?> attributes = StoredForm
			.deserialized(document.get("attributes", Binary.class).getData(), HashMap.class, "session")
			.orElse(null);
		if (attributes == null) {
			deleteById(id);
			return null;
		}
		attributes.forEach((name, value) -> session.setAttribute((String) name, value));
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteOne(Filters.eq("_id", StoredForm.digest(id)));
	}

}
