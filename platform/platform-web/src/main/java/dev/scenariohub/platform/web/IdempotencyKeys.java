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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for creates: the first request with a key runs and its response
 * is kept (for a TTL); a retry with the same key and body gets that response again
 * instead of a duplicate; the same key with another body is refused (422); a retry while
 * the first is still running gets 409. A create runs to its end even when its request is
 * cancelled; a key left in progress by a crashed process is taken over by a retry after
 * {@link #PENDING_LEASE}. Keys are scoped to the caller.
 */
public class IdempotencyKeys {

	static final String COLLECTION = "idempotency-keys";

	/**
	 * How long a key may stay in progress before a retry takes it over: longer than any
	 * create takes, since a create runs to its end even when its request is cancelled.
	 */
	static final Duration PENDING_LEASE = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

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
			.append("createdAt", Date.from(this.clock.instant()))
			.append("pendingUntil", Date.from(this.clock.instant().plus(PENDING_LEASE)));
		return this.mongo.insert(claim, COLLECTION)
			.map(claimed -> true)
			.onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false))
			.flatMap(claimed -> claimed ? runAndRemember(id, create)
					: replay(id, hash, bodyType).onErrorResume(TakenOver.class, ours -> runAndRemember(id, create)));
	}

	/**
	 * Runs the create to its end even if the caller goes away meanwhile (a client or
	 * gateway time-out cancels the request): the response is remembered, so the retry
	 * gets it instead of a second create. A create that fails keeps nothing, so the
	 * client may retry with the key.
	 */
	private <T> Mono<ResponseEntity<T>> runAndRemember(String id, Supplier<Mono<ResponseEntity<T>>> create) {
		return Mono.deferContextual(context -> {
			Sinks.One<ResponseEntity<T>> result = Sinks.one();
			Mono.defer(create)
				.flatMap(response -> remember(id, response).thenReturn(response))
				.onErrorResume(CreatedButNotRemembered.class, lost -> Mono.just(lost.<T>response()))
				.onErrorResume(error -> forget(id).then(Mono.error(error)))
				.contextWrite(context)
				.subscribe(result::tryEmitValue, result::tryEmitError);
			return result.asMono();
		});
	}

	private Mono<Void> forget(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
	}

	/**
	 * The response, kept with a few retries. If it still cannot be kept, the key stays in
	 * progress until it expires — a retry then gets 409 rather than creating a second
	 * time.
	 */
	private Mono<Void> remember(String id, ResponseEntity<?> response) {
		return keep(id, response).retryWhen(Retry.backoff(3, Duration.ofMillis(100))).onErrorResume(error -> {
			log.error(
					"The response to Idempotency-Key {} was created but could not be kept; retries of it get 409 until "
							+ "the key expires",
					id, error);
			return this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(id)),
						new Update().set("pendingUntil", Date.from(this.clock.instant().plus(this.ttl))), COLLECTION)
				.onErrorResume(notExtended -> {
					log.error("Idempotency-Key {} could not be kept in progress either; a retry after {} may "
							+ "create again", id, PENDING_LEASE, notExtended);
					return Mono.empty();
				})
				.then(Mono.error(new CreatedButNotRemembered(response)));
		});
	}

	/** The create happened; only keeping its response failed. */
	static final class CreatedButNotRemembered extends RuntimeException {

		private final transient ResponseEntity<?> response;

		CreatedButNotRemembered(ResponseEntity<?> response) {
			super("created, but the response could not be kept", null, false, false);
			this.response = response;
		}

		@SuppressWarnings("unchecked")
		<T> ResponseEntity<T> response() {
			return (ResponseEntity<T>) this.response;
		}

	}

	private Mono<Void> keep(String id, ResponseEntity<?> response) {
		Update done = new Update().set("state", "DONE")
			.set("status", response.getStatusCode().value())
			.set("location",
					response.getHeaders().getLocation() == null ? null : response.getHeaders().getLocation().toString())
			.set("etag", response.getHeaders().getETag())
			.set("body", response.getBody() == null ? null : this.json.writeValueAsString(response.getBody()));
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, COLLECTION).then();
	}

	/**
	 * A key still in progress after its lease was left by a process that died before
	 * creating; the first retry to get here runs the create (the update's filter is the
	 * lock).
	 */
	private <T> Mono<ResponseEntity<T>> takeOver(Document kept, Class<T> bodyType) {
		Date until = kept.getDate("pendingUntil");
		if (until == null || until.toInstant().isAfter(this.clock.instant())) {
			return Mono.empty();
		}
		Query stale = Query
			.query(Criteria.where("_id").is(kept.get("_id")).and("state").is("PENDING").and("pendingUntil").is(until));
		Update ours = new Update().set("pendingUntil", Date.from(this.clock.instant().plus(PENDING_LEASE)));
		return this.mongo.updateFirst(stale, ours, COLLECTION)
			.filter(result -> result.getModifiedCount() == 1)
			.flatMap(result -> Mono.error(new TakenOver()));
	}

	/** This retry now runs the create itself. */
	static final class TakenOver extends RuntimeException {

		TakenOver() {
			super("taken over", null, false, false);
		}

	}

	private <T> Mono<ResponseEntity<T>> replay(String id, String hash, Class<T> bodyType) {
		return this.mongo.findById(id, Document.class, COLLECTION).flatMap(kept -> {
			if (!hash.equals(kept.getString("requestHash"))) {
				return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
						"Idempotency-Key reused",
						"This Idempotency-Key was already used with a different request body"));
			}
			if (!"DONE".equals(kept.getString("state"))) {
				return takeOver(kept, bodyType).switchIfEmpty(
						Mono.error(() -> ApiException.conflict("idempotency-key-in-progress", "Request in progress",
								"A request with this Idempotency-Key is still being processed; retry shortly")));
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

	String hash(Object request) {
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
