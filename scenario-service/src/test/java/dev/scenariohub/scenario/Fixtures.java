package dev.scenariohub.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.test.ApiClients;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests a test needs again and again, made through the API as a client would. */
public final class Fixtures {

	private final WebTestClient web;

	private final Clock clock;

	public Fixtures(WebTestClient web, Clock clock) {
		this.web = web;
		this.clock = clock;
	}

	public WebTestClient anonymous() {
		return this.web;
	}

	public WebTestClient officer() {
		return ApiClients.as(this.web, "demo-officer", "officer");
	}

	public WebTestClient as(String sub, String role) {
		return ApiClients.as(this.web, sub, role);
	}

	public String program(String funding, long gpuHours) {
		Map<?, ?> created = officer().post()
			.uri("/api/v1/programs")
			.bodyValue(Map.of("name", "Haizhu AI+ Scenarios 2026", "authority", "Haizhu District AI Development Bureau",
					"startsOn", "2026-01-01", "endsOn", "2026-12-31", "fundingBudget",
					Map.of("amount", funding, "currency", "CNY"), "computeBudget", gpuHours))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	/**
	 * A valid scenario body whose window opened an hour ago (by the app's clock) and
	 * closes in 30 days.
	 */
	public Map<String, Object> scenarioBody(String programId) {
		OffsetDateTime opens = this.clock.instant().atOffset(ZoneOffset.ofHours(8)).minusHours(1);
		return new HashMap<>(Map.ofEntries(Map.entry("programId", programId),
				Map.entry("title", "AI-assisted garment pattern making"), Map.entry("sector", "FASHION_DESIGN"),
				Map.entry("demandOwner", "Haizhu Fashion Industry Association"),
				Map.entry("description", "Cut pattern-making time for small workshops."),
				Map.entry("requirements", "Generate grading for 5 sizes from one base pattern."),
				Map.entry("requiredCapabilities", List.of("generative-design", "computer-vision")),
				Map.entry("eligibleCategories", List.of("STARTUP", "SPECIALIZED_INNOVATIVE")),
				Map.entry("support",
						Map.of("funding", Map.of("amount", "500000.00", "currency", "CNY"), "computeGpuHours", 2000,
								"dataAccess", "10k annotated patterns", "pilotSite", "Zhongda textile market")),
				Map.entry("maxAwards", 2), Map.entry("opensAt", opens.toString()),
				Map.entry("closesAt", opens.plus(Duration.ofDays(30)).toString()),
				Map.entry("rubric", List.of(Map.of("key", "feasibility", "name", "Technical feasibility", "weight", 60),
						Map.of("key", "impact", "name", "Expected impact", "weight", 40)))));
	}

	/** Creates a DRAFT; returns its id. */
	public String draft(Map<String, Object> body) {
		Map<?, ?> created = officer().post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	/** Runs a transition as the officer, expecting it to succeed. */
	public void transition(String scenarioId, String action) {
		WebTestClient.RequestBodySpec request = officer().post()
			.uri("/api/v1/scenarios/{id}/{action}", scenarioId, action);
		(action.equals("cancel") ? request.bodyValue(Map.of("reason", "test")) : request).exchange()
			.expectStatus()
			.isOk();
	}

}
