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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts and dashboards in {@code k8s/components/monitoring} are usable: promtool
 * accepts the rules, every query names a metric the running system exposes, and every
 * alert links to its section of the runbook.
 */
class MonitoringTest {

	private static final Path COMPONENT = Path.of("..", "k8s", "components", "monitoring");

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate",
			"increase", "irate", "histogram_quantile", "label_values", "and", "or", "unless", "on", "ignoring", "bool",
			"offset", "humanize", "humanizeDuration", "humanizePercentage");

	@SuppressWarnings("unchecked")
	private static Map<String, Object> rules() throws IOException {
		Map<String, Object> resource = new Yaml().load(Files.readString(COMPONENT.resolve("prometheus-rules.yaml")));
		return (Map<String, Object>) resource.get("spec");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> alerts() throws IOException {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules().get("groups")) {
			alerts.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return alerts;
	}

	private static List<String> dashboardQueries() throws IOException {
		List<String> queries = new ArrayList<>();
		try (var files = Files.list(COMPONENT.resolve("dashboards"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				JsonNode dashboard = Stack.JSON.readTree(Files.readString(file));
				assertThat(dashboard.path("uid").asString()).as(file + " uid").isNotBlank();
				dashboard.path("panels")
					.forEach(panel -> panel.path("targets")
						.forEach(target -> queries.add(target.get("expr").asString())));
				dashboard.path("templating").path("list").forEach(variable -> {
					if (variable.has("query") && variable.get("query").asString().contains("(")) {
						queries.add(variable.get("query").asString());
					}
				});
			}
		}
		assertThat(queries).isNotEmpty();
		return queries;
	}

	/** The metric names a PromQL expression reads. */
	static Set<String> metricsIn(String expr) {
		String bare = expr.replaceAll("label_values\\(([^,]+),[^)]*\\)", "$1")
			.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", "")
			.replaceAll("\\[[^]]*]", "")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
		Set<String> names = new TreeSet<>();
		Matcher identifier = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b").matcher(bare);
		while (identifier.find()) {
			String word = identifier.group();
			if (!PROMQL_WORDS.contains(word) && !word.matches("[0-9].*")) {
				names.add(word);
			}
		}
		return names;
	}

	@Test
	void promtoolAcceptsTheAlertingRules() throws Exception {
		Path file = Files.createTempFile("scenariohub-rules", ".yaml");
		Files.writeString(file, new Yaml().dump(rules()));
		Process promtool;
		try {
			promtool = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true)
				.start();
		}
		catch (IOException notInstalled) {
			Assumptions.abort("promtool is not installed here (Debian's prometheus package; .ci/run installs it)");
			return;
		}
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(promtool.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS: " + alerts().size() + " rules found");
	}

	@Test
	void everyAlertLinksToItsRunbookSection() throws IOException {
		String runbook = Files.readString(Path.of("..", "docs", "operations.md"));
		Set<String> anchors = new TreeSet<>();
		Matcher heading = Pattern.compile("(?m)^#+\\s+(.+)$").matcher(runbook);
		while (heading.find()) {
			anchors.add(heading.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
		}
		for (Map<String, Object> alert : alerts()) {
			@SuppressWarnings("unchecked")
			Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
			String url = annotations.get("runbook_url");
			assertThat(url).as(alert.get("alert") + " runbook").startsWith("docs/operations.md#");
			assertThat(anchors).as(alert.get("alert") + " runbook section")
				.contains(url.substring(url.indexOf('#') + 1));
		}
	}

	@Test
	void everyQueryNamesAMetricTheRunningSystemExposes() throws Exception {
		// traffic through the gateway, so that the request metrics and route breakers
		// exist
		Stack.call("GET", "/api/v1/scenarios?limit=1", null, null, Map.of());
		Stack.call("GET", "/api/v1/feed?limit=1", null, null, Map.of());
		Stack.call("GET", "/api/v1/enterprises?limit=1", Stack.token("demo-officer"), null, Map.of());
		var config = Stack.get();
		List<String> queries = new ArrayList<>(dashboardQueries());
		alerts().forEach(alert -> queries.add(String.valueOf(alert.get("expr"))));
		// some appear once the consumers have joined their groups and been given
		// partitions
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> exposed = new TreeSet<>();
			for (int port : List.of(config.gatewayPort(), config.scenarioPort(), config.enterprisePort(),
					config.notificationPort())) {
				exposed.addAll(scrape(port));
			}
			Set<String> missing = new TreeSet<>();
			for (String query : queries) {
				for (String metric : metricsIn(query)) {
					if (!exposed.contains(metric)) {
						missing.add(metric + " (in " + query.strip().replaceAll("\\s+", " ") + ")");
					}
				}
			}
			assertThat(missing).as("metrics no part of the system exposes").isEmpty();
		});
	}

	@Test
	void eachServiceHasADashboardOfItsOwnThatReadsOnlyWhatItExposes() throws Exception {
		var config = Stack.get();
		Stack.call("GET", "/api/v1/scenarios?limit=1", null, null, Map.of());
		Map<String, Integer> services = Map.of("gateway", config.gatewayPort(), "scenario-service",
				config.scenarioPort(), "enterprise-service", config.enterprisePort(), "notification-service",
				config.notificationPort());
		for (var service : services.entrySet()) {
			String name = service.getKey();
			Path file = COMPONENT.resolve("dashboards").resolve("scenariohub-" + name + ".json");
			assertThat(file).as(name + "'s dashboard").exists();
			JsonNode dashboard = Stack.JSON.readTree(Files.readString(file));
			List<String> queries = new ArrayList<>();
			dashboard.path("panels")
				.forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.get("expr").asString())));
			assertThat(queries).as(file.toString()).isNotEmpty();
			for (String query : queries) {
				assertThat(query).as("a query of " + name + "'s dashboard selects it")
					.contains("application=\"" + name + "\"")
					.doesNotContainPattern("application=\"(?!" + Pattern.quote(name) + "\")");
			}
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				List<String> lines = metricLines(service.getValue());
				assertThat(lines).as(name + "'s metrics name it")
					.allMatch(line -> line.contains("application=\"" + name + "\""));
				Set<String> exposed = namesOf(lines);
				for (String query : queries) {
					assertThat(exposed).as(name + " exposes what " + query + " reads").containsAll(metricsIn(query));
				}
			});
		}
	}

	private static Set<String> scrape(int port) throws IOException, InterruptedException {
		return namesOf(metricLines(port));
	}

	/** The samples a part of the stack exposes, one line each. */
	private static List<String> metricLines(int port) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("metrics of port " + port).isEqualTo(200);
		return response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
	}

	private static Set<String> namesOf(List<String> lines) {
		Set<String> names = new TreeSet<>();
		lines.forEach(line -> {
			int end = line.indexOf('{');
			names.add(line.substring(0, end > 0 ? end : line.indexOf(' ')));
		});
		return names;
	}

}
