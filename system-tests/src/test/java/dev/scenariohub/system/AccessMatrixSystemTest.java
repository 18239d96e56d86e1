package dev.scenariohub.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.scenariohub.system.Journeys.created;
import static dev.scenariohub.system.Journeys.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, over every operation of every service's OpenAPI document, through the
 * gateway: {@code access-matrix.txt} says, as data, the exact status each caller gets
 * (anonymous, an officer, the reviewer assigned, the enterprise user owning the resource,
 * another enterprise user, an admin, a reviewer not assigned). An operation without a
 * row, or a row without an operation, fails the test.
 *
 * <p>
 * The calls go to real resources: the owning enterprise user's enterprise, application,
 * subscription, webhook and notification, a program and an open scenario, and a second
 * scenario decided as far as the clock allows — the owner's application reviewed by the
 * assigned reviewer, awarded provisionally and objected to by the owner (a milestone,
 * which comes after the standstill period, is called with an id nobody has). Bodies are
 * empty ({@code {}}) unless a row names a valid one, and every write carries a stale
 * {@code If-Match}, so an allowed caller mostly gets the service's own refusal (400, 412,
 * 409) and nothing changes where the operation honours {@code If-Match}; a valid body
 * gets past validation to the ownership check. The rows run in file order, so what one
 * row changes is what the next finds.
 */
class AccessMatrixSystemTest {

	private static final List<String> CALLERS = List.of("anonymous", "officer", "reviewer", "owner", "other", "admin",
			"unassigned");

	private static final Map<String, String> CLIENTS = Map.of("officer", "demo-officer", "reviewer", "demo-reviewer-1",
			"owner", "demo-enterprise-1", "other", "demo-enterprise-2", "admin", "demo-admin", "unassigned",
			"demo-reviewer-2");

	/** Valid bodies a row may name ({@code body=<name>}); the others send {@code {}}. */
	private static final Map<String, String> BODIES = Map.of("scores",
			"{\"scores\":{\"fit\":4},\"comment\":\"Finds most defects in time\"}", "recusal",
			"{\"reason\":\"I advised a competitor on this problem\"}", "report",
			"{\"report\":\"The line inspects every seam\"}");

	/** An operation's expected answer per caller, and the body it is called with. */
	private record Row(List<Integer> statuses, String body) {
	}

	private static final String NOBODYS = "000000000000000000000000";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Map<String, String> TOKENS = new LinkedHashMap<>();

	private static final Map<String, String> IDS = new LinkedHashMap<>();

	private static final List<String> FAILURES = new ArrayList<>();

	@BeforeAll
	static void resources() {
		CLIENTS.forEach((caller, client) -> TOKENS.put(caller, Stack.token(client)));
		String officer = TOKENS.get("officer");
		String owner = TOKENS.get("owner");
		IDS.put("program", Journeys.program(officer, "Access matrix program"));
		IDS.put("scenario", Journeys.draftScenario(officer, IDS.get("program"), "Access matrix scenario",
				"access-matrix-capability"));
		expect(200,
				Stack.call("POST", "/api/v1/scenarios/" + IDS.get("scenario") + "/publish", officer, null, Map.of()));
		IDS.put("enterprise",
				created(Stack.call("POST", "/api/v1/enterprises", owner,
						Map.of("name", "Access Matrix Robotics", "creditCode",
								ApplyAndReviewSystemTest.freshCreditCode(), "category", "STARTUP", "district", "Haizhu",
								"capabilities", List.of("access-matrix-capability"), "contact",
								Map.of("name", "Lin Yue", "email", "lin.yue@example.com")),
						Map.of())));
		expect(200, Stack.call("POST", "/api/v1/enterprises/" + IDS.get("enterprise") + "/verify", officer, null,
				Map.of()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack
				.call("GET", "/api/v1/matches/open-scenarios/" + IDS.get("scenario"), owner, null, Map.of())
				.status() == 200);
		IDS.put("application", created(Stack.call("POST", "/api/v1/applications", owner,
				Map.of("scenarioId", IDS.get("scenario"), "enterpriseId", IDS.get("enterprise"), "summary",
						"Access matrix proposal", "requestedFunding", Map.of("amount", "1000.00", "currency", "CNY"),
						"requestedComputeGpuHours", 1),
				Map.of())));
		IDS.put("subscription", created(Stack.call("POST", "/api/v1/subscriptions", owner,
				Map.of("capabilities", List.of("access-matrix-capability")), Map.of())));
		IDS.put("webhook", created(Stack.call("POST", "/api/v1/webhooks", owner,
				Map.of("url", "http://127.0.0.1:9/access-matrix"), Map.of())));
		decidedScenario(officer, owner);
		// verification told the owner (among others)
		IDS.put("notification", await().atMost(Duration.ofSeconds(30)).until(() -> {
			Stack.Response inbox = Stack.call("GET", "/api/v1/notifications?limit=1", owner, null, Map.of());
			List<JsonNode> items = inbox.json().get("items").valueStream().toList();
			return items.isEmpty() ? null : items.get(0).get("id").asString();
		}, id -> id != null));
	}

	/**
	 * A second scenario: the owner's application, reviewed by the assigned reviewer and
	 * awarded provisionally, and an objection by the owner.
	 */
	private static void decidedScenario(String officer, String owner) {
		String reviewer = CLIENTS.get("reviewer");
		String scenario = Journeys.draftScenario(officer, IDS.get("program"), "Access matrix decided scenario",
				"access-matrix-capability");
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/publish", officer, null, Map.of()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack.call("GET", "/api/v1/matches/open-scenarios/" + scenario, owner, null, Map.of())
				.status() == 200);
		String application = created(Stack.call("POST", "/api/v1/applications", owner,
				Map.of("scenarioId", scenario, "enterpriseId", IDS.get("enterprise"), "summary",
						"Access matrix proposal to decide", "requestedFunding",
						Map.of("amount", "1000.00", "currency", "CNY"), "requestedComputeGpuHours", 1),
				Map.of()));
		expect(200, Stack.call("POST", "/api/v1/applications/" + application + "/submit", owner, null, Map.of()));
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/close", officer, null, Map.of()));
		// the submission reaches scenario-service as an event
		IDS.put("assignment", await().atMost(Duration.ofSeconds(30)).until(() -> {
			Stack.Response assigned = Stack.call("POST", "/api/v1/scenarios/" + scenario + "/review-assignments",
					officer, Map.of("applicationId", application, "reviewer", reviewer), Map.of());
			return assigned.status() == 201 ? assigned.json().get("assignmentId").asString() : null;
		}, id -> id != null));
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/start-review", officer, null, Map.of()));
		expect(200, Stack.call("POST", "/api/v1/reviews/assignments/" + IDS.get("assignment") + "/scores",
				TOKENS.get("reviewer"), BODIES.get("scores"), Map.of()));
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/award", officer,
				Map.of("applicationIds", List.of(application)), Map.of()));
		IDS.put("objection",
				expect(201, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/objections", owner,
						Map.of("applicationId", application, "reason", "Our pilot results were overlooked"), Map.of()))
					.json()
					.get("objectionId")
					.asString());
		// milestones are scheduled once the award is final, after the standstill (days):
		// none exists, so every caller allowed past validation finds nothing
		IDS.put("milestone", NOBODYS);
	}

	@AfterAll
	static void removeWhatCountsAgainstTheOwnersCaps() {
		if (IDS.containsKey("subscription")) {
			Stack.call("DELETE", "/api/v1/subscriptions/" + IDS.get("subscription"), TOKENS.get("owner"), null,
					Map.of());
		}
		if (IDS.containsKey("webhook")) {
			Stack.call("DELETE", "/api/v1/webhooks/" + IDS.get("webhook"), TOKENS.get("owner"), null, Map.of());
		}
	}

	@Test
	void everyCallerGetsExactlyTheDocumentedAnswerFromEveryOperation() throws IOException {
		Map<String, Boolean> operations = documentedOperations();
		Map<String, Row> matrix = matrix();
		List<String> wrong = new ArrayList<>();
		for (String operation : operations.keySet()) {
			if (!matrix.containsKey(operation)) {
				wrong.add("no row: " + operation + "  (answers now: " + answers(operation, operations, null) + ")");
			}
		}
		for (String operation : matrix.keySet()) {
			if (!operations.containsKey(operation)) {
				wrong.add("a row for no documented operation: " + operation);
			}
		}
		matrix.forEach((operation, row) -> {
			if (!operations.containsKey(operation)) {
				return;
			}
			List<Integer> actual = answers(operation, operations, row.body());
			if (!actual.equals(row.statuses())) {
				wrong.add(operation + ": expected " + row.statuses() + ", got " + actual);
			}
		});
		wrong.addAll(FAILURES);
		assertThat(wrong).as("callers " + CALLERS + "\n" + String.join("\n", wrong)).isEmpty();
	}

	private List<Integer> answers(String operation, Map<String, Boolean> operations, String validBody) {
		String[] parts = operation.split(" ", 2);
		String path = parts[1];
		for (Map.Entry<String, String> id : IDS.entrySet()) {
			path = path.replace("{" + id.getKey() + "}", id.getValue());
		}
		path = path.replace("{nobodys}", NOBODYS);
		List<Integer> statuses = new ArrayList<>();
		for (String caller : CALLERS) {
			String body = operations.get(operation) ? (validBody == null ? "{}" : BODIES.get(validBody)) : null;
			int status = status(parts[0], path, TOKENS.get(caller), body);
			if (status == 503) {
				// a client meets 503 and retries (Retry-After); this test is about
				// access:
				// one retry, reported, not a failure for what is not its subject
				System.out.println("AccessMatrixSystemTest: 503 from " + operation + " as " + caller
						+ ", retrying once: " + FAILURES.remove(FAILURES.size() - 1));
				status = status(parts[0], path, TOKENS.get(caller), body);
			}
			statuses.add(status);
		}
		return statuses;
	}

	private static int status(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (!"GET".equals(method)) {
			request.header("If-Match", "\"999999\"");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			// the status line only: a stream that was let through stays open
			HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream content = response.body()) {
				if (response.statusCode() >= 500) {
					// what went wrong, for the failure report
					FAILURES.add(method + " " + path + " → " + response.statusCode() + " "
							+ new String(content.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
							+ "\n  gateway said: "
							+ Stack.logLines("gateway")
								.stream()
								.filter(line -> "WARN".equals(line.path("log.level").asString(""))
										|| "ERROR".equals(line.path("log.level").asString("")))
								.map(line -> line.path("message").asString("") + " "
										+ line.path("error.message").asString("") + " "
										+ line.path("error.stack_trace").asString("").lines().limit(8).toList())
								.toList());
				}
			}
			return response.statusCode();
		}
		catch (IOException ex) {
			throw new AssertionError(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

	/**
	 * Every documented operation as {@code METHOD /path} with the resource ids named as
	 * the matrix names them, and whether it takes a body.
	 */
	private static Map<String, Boolean> documentedOperations() throws IOException {
		Map<String, Boolean> operations = new LinkedHashMap<>();
		List<Path> documents;
		try (Stream<Path> files = Files.list(Path.of("..", "contracts", "openapi"))) {
			documents = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(documents).hasSize(3);
		for (Path document : documents) {
			JsonNode paths = Stack.JSON.readTree(document.toFile()).get("paths");
			for (String path : paths.propertyNames()) {
				for (String method : paths.get(path).propertyNames()) {
					operations.put(method.toUpperCase() + " " + named(path),
							paths.get(path).get(method).has("requestBody"));
				}
			}
		}
		return operations;
	}

	/** {@code /api/v1/webhooks/{id}/ping} → {@code /api/v1/webhooks/{webhook}/ping}. */
	private static String named(String path) {
		Map<String, String> resources = Map.ofEntries(Map.entry("programs", "program"),
				Map.entry("scenarios", "scenario"), Map.entry("enterprises", "enterprise"),
				Map.entry("applications", "application"), Map.entry("subscriptions", "subscription"),
				Map.entry("webhooks", "webhook"), Map.entry("notifications", "notification"),
				Map.entry("open-scenarios", "scenario"), Map.entry("assignments", "assignment"),
				Map.entry("objections", "objection"), Map.entry("milestones", "milestone"));
		String[] segments = path.split("/");
		for (int i = 1; i < segments.length; i++) {
			if (segments[i].equals("{id}")) {
				segments[i] = "{" + resources.getOrDefault(segments[i - 1], "nobodys") + "}";
			}
		}
		return String.join("/", segments);
	}

	private static Map<String, Row> matrix() throws IOException {
		Map<String, Row> matrix = new LinkedHashMap<>();
		Set<String> twice = new LinkedHashSet<>();
		try (InputStream in = AccessMatrixSystemTest.class.getResourceAsStream("/access-matrix.txt")) {
			assertThat(in).as("access-matrix.txt").isNotNull();
			for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
				String row = line.strip();
				if (row.isEmpty() || row.startsWith("#")) {
					continue;
				}
				String[] cells = row.split("\\s+");
				String body = cells[cells.length - 1].startsWith("body=") ? cells[cells.length - 1].substring(5) : null;
				assertThat(cells).as("method, path, one status per caller and maybe body=<name>: " + row)
					.hasSize(2 + CALLERS.size() + (body == null ? 0 : 1));
				assertThat(body == null || BODIES.containsKey(body)).as("a body this test knows: " + row).isTrue();
				String operation = cells[0] + " " + cells[1];
				List<Integer> statuses = new ArrayList<>();
				for (int i = 2; i < 2 + CALLERS.size(); i++) {
					statuses.add(Integer.parseInt(cells[i]));
				}
				if (matrix.put(operation, new Row(statuses, body)) != null) {
					twice.add(operation);
				}
			}
		}
		assertThat(twice).as("operations with more than one row").isEmpty();
		return matrix;
	}

}
