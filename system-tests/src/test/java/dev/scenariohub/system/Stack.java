package dev.scenariohub.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.scenariohub.localstack.LocalStack;
import dev.scenariohub.localstack.Ports;
import dev.scenariohub.localstack.StackConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, started once per test JVM from the packaged services on free ports,
 * and a client that talks to it only as outsiders do: the issuer for tokens, the gateway
 * for the API.
 */
final class Stack {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalStack running;

	/** Receives the spans every part of the stack exports. */
	static final SpanCollector SPANS = new SpanCollector();

	private Stack() {
	}

	/** The running stack itself, for tests that kill its parts. */
	static synchronized LocalStack stack() {
		get();
		return running;
	}

	static synchronized StackConfig get() {
		if (running == null) {
			try {
				Path data = Files.createTempDirectory("scenariohub-system-test");
				StackConfig config = new StackConfig(Path.of("..").toAbsolutePath().normalize(), data, free(), free(),
						free(), free(), free(), free(), free(), free(), free(), free(), null, false,
						// Kafka as in production: a user per service, ACLs, no topics
						// made by use
						true,
						// as deployed: spans exported over OTLP, logs as ECS JSON lines
						Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", SPANS.endpoint(),
								"MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms",
								"LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
								// backlog metrics read every 2 s, so that tests see them
								// move
								"SCENARIOHUB_EVENTS_BACKLOGINTERVAL", "PT2S"));
				running = LocalStack.start(config, System.out);
				LocalStack stack = running;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					stack.close();
					SPANS.close();
					deleteRecursively(data);
				}, "stop-system-test-stack"));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return running.config();
	}

	private static void deleteRecursively(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + dir + ": " + ex);
		}
	}

	private static int free() {
		return Ports.free();
	}

	/**
	 * The JSON lines a part of the stack has logged so far (lines that are not JSON are
	 * left out).
	 */
	static List<JsonNode> logLines(String part) {
		Path log = get().dataDir().resolve("logs").resolve(part + ".log");
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
		}
		catch (IOException ex) {
			throw new AssertionError("cannot read " + log + ": " + ex, ex);
		}
	}

	/** An access token for a demo client, from the real issuer. */
	static String token(String clientId) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(get().issuerUrl() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		Response response = send(request);
		if (response.status() != 200) {
			throw new AssertionError("no token for " + clientId + ": " + response);
		}
		return response.json().get("access_token").asString();
	}

	/** A call to the gateway; {@code token} and {@code body} may be null. */
	static Response call(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(get().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers
				.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * A call that may fail as a client sees it while parts are down: no answer at all is
	 * status -1, never an error.
	 */
	static Response attempt(String method, String path, String token, Object body, Map<String, String> headers) {
		try {
			return call(method, path, token, body, headers);
		}
		catch (AssertionError failed) {
			if (failed.getCause() instanceof IOException) {
				return new Response(-1, "", null, failed.getCause().toString());
			}
			throw failed;
		}
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

	/**
	 * Every entry of the public feed of one event type, oldest first (what answers; none
	 * while down).
	 */
	static List<JsonNode> feed(String type) {
		List<JsonNode> entries = new ArrayList<>();
		String path = "/api/v1/feed?limit=100&types=" + type;
		while (true) {
			Response page = attempt("GET", path, null, null, Map.of());
			if (page.status() != 200 || page.json().get("items").isEmpty()) {
				return entries;
			}
			page.json().get("items").forEach(entries::add);
			path = page.json().get("next").asString();
		}
	}

	/** Every notification in a user's inbox (what answers; none while down). */
	static List<JsonNode> inbox(String token) {
		List<JsonNode> notifications = new ArrayList<>();
		String path = "/api/v1/notifications?limit=100";
		while (path != null) {
			Response page = attempt("GET", path, token, null, Map.of());
			if (page.status() != 200) {
				return notifications;
			}
			page.json().get("items").forEach(notifications::add);
			JsonNode next = page.json().get("next");
			path = next == null || next.isNull() ? null : next.asString();
		}
		return notifications;
	}

	/** What came back. */
	record Response(int status, String contentType, String etag, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}
	}

}
