package dev.scenariohub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API as a client calls it: tokens from the issuer, calls to the gateway. */
public final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Target target;

	public Api(Target target) {
		this.target = target;
	}

	/** Attempts a patient call makes before it gives up. */
	static final int PATIENCE = 10;

	private final AtomicLong retried = new AtomicLong();

	/** What came back; {@code retryAfter} in seconds, when the answer says. */
	public record Response(int status, String etag, String body, Long retryAfter) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Response expect(int expected) {
			if (this.status != expected) {
				throw new IllegalStateException("expected " + expected + " but got " + this.status + ": " + this.body);
			}
			return this;
		}

	}

	/** An access token of a demo client (client credentials; secret = id + "-secret"). */
	public String token(String clientId) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.target.issuerUrl() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		return JSON.readTree(send(request).expect(200).body()).get("access_token").asString();
	}

	/**
	 * Access tokens of a demo client, a new one once the last is 10 minutes old: the
	 * issuer's last 30 minutes, and a long run outlives them.
	 */
	public Supplier<String> tokens(String clientId) {
		return new Supplier<>() {

			private String token;

			private long fetched;

			@Override
			public synchronized String get() {
				if (this.token == null || System.nanoTime() - this.fetched > TimeUnit.MINUTES.toNanos(10)) {
					this.token = token(clientId);
					this.fetched = System.nanoTime();
				}
				return this.token;
			}

		};
	}

	/** The subject a token speaks for. */
	public static String subjectOf(String token) {
		String payload = token.split("\\.")[1];
		return JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asString();
	}

	/** A new program with room for many scenarios; its id. */
	public String program(String officer, String name) {
		return call("POST", "/api/v1/programs", officer,
				Map.of("name", name, "authority", "Bench bureau", "startsOn", "2026-01-01", "endsOn", "2030-12-31",
						"fundingBudget", Map.of("amount", "1000000.00", "currency", "CNY"), "computeBudget", 1000),
				Map.of())
			.expect(201)
			.json()
			.get("id")
			.asString();
	}

	public Response call(String method, String path, String token, Object body, Map<String, String> headers) {
		return send(request(method, path, token, body, headers));
	}

	public CompletableFuture<Response> callAsync(String method, String path, String token, Object body,
			Map<String, String> headers) {
		return this.http.sendAsync(request(method, path, token, body, headers), HttpResponse.BodyHandlers.ofString())
			.thenApply(Api::response);
	}

	/**
	 * A call as a careful client makes it: an answer saying the system is overloaded or a
	 * service did not answer in time (429, 503), or no answer at all, is retried after
	 * the Retry-After it gives (a second when it gives none), up to {@link #PATIENCE}
	 * attempts. Only for calls that are safe to repeat: reads, creates with an
	 * Idempotency-Key, updates with If-Match.
	 */
	public Response callPatiently(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest request = request(method, path, token, body, headers);
		for (int attempt = 1;; attempt++) {
			Response response;
			try {
				response = response(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
				if ((response.status() != 429 && response.status() != 503) || attempt == PATIENCE) {
					return response;
				}
			}
			catch (IOException ex) {
				if (attempt == PATIENCE) {
					throw new IllegalStateException(request.uri() + " failed " + PATIENCE + " times: " + ex, ex);
				}
				response = null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			this.retried.incrementAndGet();
			long seconds = response == null || response.retryAfter() == null ? 1 : Math.min(response.retryAfter(), 30);
			try {
				Thread.sleep(1000 * Math.max(1, seconds));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
	}

	/** Calls {@link #callPatiently} has repeated so far. */
	public long retried() {
		return this.retried.get();
	}

	private HttpRequest request(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.target.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return request.build();
	}

	private Response send(HttpRequest request) {
		try {
			return response(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static Response response(HttpResponse<String> response) {
		Long retryAfter = response.headers()
			.firstValue("Retry-After")
			.filter(value -> !value.isEmpty() && value.chars().allMatch(Character::isDigit))
			.map(Long::valueOf)
			.orElse(null);
		return new Response(response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body(),
				retryAfter);
	}

}
