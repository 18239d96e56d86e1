package dev.scenariohub.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for creates: the first request with a key runs and its response
 * is kept (for a TTL); a retry with the same key and body gets that response again
 * instead of a duplicate; the same key with another body is refused (422); a retry while
 * the first is still running gets 409. Keys are scoped to the caller.
 */
public class IdempotencyKeys {

	static final String COLLECTION = "idempotency-keys";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration ttl;

	public IdempotencyKeys(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, Duration ttl) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** Creates the TTL index that forgets keys after the retention period. */
	public Mono<String> ensureIndex() {
		return this.mongo.indexOps(COLLECTION)
			.createIndex(new Index("createdAt", Sort.Direction.ASC).named("expire-idempotency-keys").expire(this.ttl));
	}

	/**
	 * Runs {@code create} once per (caller, key).
	 * @param key the header value, or null to run without idempotency
	 * @param request the request body, compared across retries
	 * @param bodyType the response body type, to restore a kept response
	 */
	public <T> Mono<ResponseEntity<T>> once(String caller, String key, Object request, Class<T> bodyType,
			Supplier<Mono<ResponseEntity<T>>> create) {
		if (key == null) {
			return create.get();
		}
		if (!KEY.matcher(key).matches()) {
			return Mono.error(ApiException.badRequest("malformed-idempotency-key", "Malformed Idempotency-Key",
					"Idempotency-Key must be 1 to 128 visible ASCII characters"));
		}
		String id = caller + "\n" + key;
		String hash = hash(request);
		Document claim = new Document("_id", id).append("requestHash", hash)
			.append("state", "PENDING")
			.append("createdAt", Date.from(this.clock.instant()));
		return this.mongo.insert(claim, COLLECTION)
			.map(claimed -> true)
			.onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false))
			.flatMap(claimed -> claimed ? runAndRemember(id, create) : replay(id, hash, bodyType));
	}

	private <T> Mono<ResponseEntity<T>> runAndRemember(String id, Supplier<Mono<ResponseEntity<T>>> create) {
		return Mono.defer(create)
			.flatMap(response -> remember(id, response).thenReturn(response))
			// a failed create keeps nothing: the client may retry with the same key
			.onErrorResume(error -> this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION)
				.then(Mono.error(error)));
	}

	private Mono<Void> remember(String id, ResponseEntity<?> response) {
		Update done = new Update().set("state", "DONE")
			.set("status", response.getStatusCode().value())
			.set("location",
					response.getHeaders().getLocation() == null ? null : response.getHeaders().getLocation().toString())
			.set("etag", response.getHeaders().getETag())
			.set("body", response.getBody() == null ? null : this.json.writeValueAsString(response.getBody()));
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, COLLECTION).then();
	}

	private <T> Mono<ResponseEntity<T>> replay(String id, String hash, Class<T> bodyType) {
		return this.mongo.findById(id, Document.class, COLLECTION).flatMap(kept -> {
			if (!hash.equals(kept.getString("requestHash"))) {
				return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
						"Idempotency-Key reused",
						"This Idempotency-Key was already used with a different request body"));
			}
			if (!"DONE".equals(kept.getString("state"))) {
				return Mono.error(ApiException.conflict("idempotency-key-in-progress", "Request in progress",
						"A request with this Idempotency-Key is still being processed; retry shortly"));
			}
			ResponseEntity.BodyBuilder builder = ResponseEntity.status(kept.getInteger("status"))
				.header("Idempotent-Replayed", "true");
			if (kept.getString("location") != null) {
				builder.location(URI.create(kept.getString("location")));
			}
			if (kept.getString("etag") != null) {
				builder.eTag(kept.getString("etag"));
			}
			String body = kept.getString("body");
			return Mono.just(builder.body(body == null ? null : this.json.readValue(body, bodyType)));
		});
	}

	private String hash(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
