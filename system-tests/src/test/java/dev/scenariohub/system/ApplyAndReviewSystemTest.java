package dev.scenariohub.system;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Across services, only through the gateway: an enterprise registers and is verified,
 * applies to a published scenario; scenario-service learns of the application from
 * events, so an officer can assign a reviewer, who sees the proposal blind;
 * enterprise-service follows the review.
 */
class ApplyAndReviewSystemTest {

	/** A valid unified social credit code, most likely not used before. */
	static String freshCreditCode() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		StringBuilder code = new StringBuilder("91440105");
		Random random = new Random();
		while (code.length() < 17) {
			code.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += alphabet.indexOf(code.charAt(i)) * weights[i];
		}
		int check = 31 - sum % 31;
		return code.append(alphabet.charAt(check == 31 ? 0 : check)).toString();
	}

	private static Stack.Response expect(int status, Stack.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	@Test
	void anEnterpriseAppliesAndAReviewerReviewsItBlind() {
		String officer = Stack.token("demo-officer");
		String enterprise = Stack.token("demo-enterprise-2");
		String reviewer = Stack.token("demo-reviewer-2");

		String enterpriseId = expect(201,
				Stack.call("POST", "/api/v1/enterprises", enterprise,
						Map.of("name", "Pazhou Vision Robotics", "creditCode", freshCreditCode(), "category",
								"SPECIALIZED_INNOVATIVE", "district", "Haizhu", "capabilities",
								List.of("computer-vision"), "coreTechnologies", List.of("edge inference"), "contact",
								Map.of("name", "Zhou Min", "email", "zhou.min@example.com")),
						Map.of()))
			.json()
			.get("id")
			.asString();
		expect(200, Stack.call("POST", "/api/v1/enterprises/" + enterpriseId + "/verify", officer, null, Map.of()));

		String programId = expect(201,
				Stack.call("POST", "/api/v1/programs", officer,
						Map.of("name", "Haizhu AI+ Scenarios", "authority", "Haizhu District AI Development Bureau",
								"startsOn", "2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
								Map.of("amount", "3000000.00", "currency", "CNY"), "computeBudget", 9000),
						Map.of()))
			.json()
			.get("id")
			.asString();
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		String scenarioId = expect(201, Stack.call("POST", "/api/v1/scenarios", officer, Map.ofEntries(
				Map.entry("programId", programId), Map.entry("title", "Defect detection for garment seams"),
				Map.entry("sector", "SMART_MANUFACTURING"), Map.entry("demandOwner", "Zhongda textile workshops"),
				Map.entry("description", "Find seam defects with cameras on the line"),
				Map.entry("requiredCapabilities", List.of("computer-vision")),
				Map.entry("support",
						Map.of("funding", Map.of("amount", "600000.00", "currency", "CNY"), "computeGpuHours", 1000)),
				Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
				Map.entry("closesAt", opens.plusDays(20).toString()),
				Map.entry("rubric", List.of(Map.of("key", "feasibility", "name", "Feasibility", "weight", 100)))),
				Map.of()))
			.json()
			.get("id")
			.asString();
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/publish", officer, null, Map.of()));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack.call("GET", "/api/v1/matches/open-scenarios/" + scenarioId, enterprise, null, Map.of())
				.status() == 200);
		String applicationId = expect(201, Stack.call("POST", "/api/v1/applications", enterprise,
				Map.of("scenarioId", scenarioId, "enterpriseId", enterpriseId, "summary",
						"Seam inspection on edge cameras", "requestedFunding",
						Map.of("amount", "550000.00", "currency", "CNY"), "requestedComputeGpuHours", 800),
				Map.of()))
			.json()
			.get("id")
			.asString();
		expect(200,
				Stack.call("POST", "/api/v1/applications/" + applicationId + "/submit", enterprise, null, Map.of()));

		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/close", officer, null, Map.of()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack
				.call("POST", "/api/v1/scenarios/" + scenarioId + "/review-assignments", officer,
						Map.of("applicationId", applicationId, "reviewer", "demo-reviewer-2"), Map.of())
				.status() == 201);
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/start-review", officer, null, Map.of()));

		String assignments = expect(200, Stack.call("GET", "/api/v1/reviews/assignments", reviewer, null, Map.of()))
			.body();
		assertThat(assignments).contains("Seam inspection on edge cameras")
			.doesNotContain("Pazhou Vision", enterpriseId, applicationId);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "UNDER_REVIEW"
				.equals(Stack.call("GET", "/api/v1/applications/" + applicationId, enterprise, null, Map.of())
					.json()
					.get("status")
					.asString()));
		expect(404, Stack.call("GET", "/api/v1/applications/" + applicationId, Stack.token("demo-enterprise-1"), null,
				Map.of()));
	}

}
