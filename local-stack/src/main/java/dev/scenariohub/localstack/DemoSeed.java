package dev.scenariohub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the demo through the public API, as an officer would: the "Haizhu AI+ Scenarios"
 * program and three of its scenarios, created and published. Seeds nothing when scenarios
 * exist already.
 */
final class DemoSeed {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private DemoSeed() {
	}

	/**
	 * @return how many scenarios were published
	 */
	static int seed(StackConfig config) {
		String token = clientToken(config, "demo-officer", "demo-officer-secret");
		String existing = call(config, "GET", "/api/v1/scenarios?limit=1", token, null, null, 200);
		if (ID.matcher(existing).find()) {
			return 0;
		}
		String program = call(config, "POST", "/api/v1/programs", token,
				"""
						{"name": "Haizhu AI+ Scenarios 2026", "authority": "Haizhu District AI Development Bureau",
						 "description": "Application scenarios where AI can be piloted in Haizhu, with funding, compute vouchers on the public computing centre, data and pilot sites.",
						 "startsOn": "%d-01-01", "endsOn": "%d-12-31",
						 "fundingBudget": {"amount": "20000000.00", "currency": "CNY"}, "computeBudget": 100000}
						"""
					.formatted(Year.now().getValue(), Year.now().getValue()),
				"demo-seed-program", 201);
		Matcher programId = ID.matcher(program);
		if (!programId.find()) {
			throw new StackException("Seeding failed: no id in " + program);
		}
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
		List<String> scenarios = List.of(scenario(programId.group(1), "AI-assisted garment pattern making",
				"FASHION_DESIGN", "Haizhu Fashion Industry Association",
				"Small workshops around Zhongda textile market spend days on pattern grading; pilot an AI assistant that drafts and grades patterns from a sketch.",
				"Generate graded patterns for 5 sizes from one base pattern; export DXF-AAMA; run on the public computing centre.",
				"[\"generative-design\", \"computer-vision\", \"cad\"]", "500000.00", 2000, opens, 45),
				scenario(programId.group(1), "Low-altitude parcel delivery to Pazhou office towers",
						"LOW_ALTITUDE_ECONOMY", "Haizhu Postal Logistics",
						"Pilot drone delivery from a riverside hub to rooftop lockers of office towers in Pazhou.",
						"Payload 5 kg, 8 km radius, BVLOS route planning under the district's low-altitude airspace rules.",
						"[\"drone-navigation\", \"route-planning\", \"computer-vision\"]", "1200000.00", 5000, opens,
						60),
				scenario(programId.group(1), "Connected-vehicle signal priority on Xingang Road",
						"INTELLIGENT_CONNECTED_VEHICLES", "Haizhu Traffic Police Brigade",
						"Give buses and emergency vehicles signal priority using roadside units and vehicle data.",
						"V2X integration with 12 intersections; latency under 100 ms; privacy-preserving data handling.",
						"[\"v2x\", \"edge-computing\", \"traffic-optimization\"]", "800000.00", 3000, opens, 30));
		int published = 0;
		for (int i = 0; i < scenarios.size(); i++) {
			String created = call(config, "POST", "/api/v1/scenarios", token, scenarios.get(i), "demo-seed-" + (i + 1),
					201);
			Matcher id = ID.matcher(created);
			if (!id.find()) {
				throw new StackException("Seeding failed: no id in " + created);
			}
			call(config, "POST", "/api/v1/scenarios/" + id.group(1) + "/publish", token, null, null, 200);
			published++;
		}
		return published;
	}

	static String clientToken(StackConfig config, String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + config.issuerPort() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		String body = send(request, 200);
		Matcher token = ACCESS_TOKEN.matcher(body);
		if (!token.find()) {
			throw new StackException("The issuer answered without an access token: " + body);
		}
		return token.group(1);
	}

	private static String call(StackConfig config, String method, String path, String token, String json,
			String idempotencyKey, int expected) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + config.gatewayPort() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build(), expected);
	}

	private static String send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new StackException("Seeding: " + request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new StackException("Seeding: " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while seeding");
		}
	}

	private static String scenario(String programId, String title, String sector, String owner, String description,
			String requirements, String capabilities, String funding, int gpuHours, OffsetDateTime opens, int days) {
		return """
				{"programId": "%s", "title": "%s", "sector": "%s", "demandOwner": "%s",
				 "description": "%s", "requirements": "%s",
				 "requiredCapabilities": %s,
				 "eligibleCategories": ["SPECIALIZED_INNOVATIVE", "LITTLE_GIANT", "STARTUP"],
				 "support": {"funding": {"amount": "%s", "currency": "CNY"}, "computeGpuHours": %d,
				             "dataAccess": "Anonymised district data through the public data platform",
				             "pilotSite": "Haizhu District"},
				 "maxAwards": 2, "opensAt": "%s", "closesAt": "%s", "timeZone": "Asia/Shanghai",
				 "rubric": [{"key": "feasibility", "name": "Technical feasibility", "weight": 40},
				            {"key": "impact", "name": "Expected impact on the demand owner", "weight": 35},
				            {"key": "team", "name": "Team and delivery record", "weight": 25}]}
				""".formatted(programId, title, sector, owner, description, requirements, capabilities, funding,
				gpuHours, opens, opens.plusDays(days));
	}

}
