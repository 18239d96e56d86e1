package dev.scenariohub.system;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps that several system tests take through the gateway, as an officer would. */
final class Journeys {

	private Journeys() {
	}

	static Stack.Response expect(int status, Stack.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	static String created(Stack.Response response) {
		return expect(201, response).json().get("id").asString();
	}

	/** A program with room for many awards. */
	static String program(String officer, String name) {
		return created(Stack.call("POST", "/api/v1/programs", officer,
				Map.of("name", name, "authority", "Haizhu District AI Development Bureau", "startsOn", "2026-01-01",
						"endsOn", "2027-12-31", "fundingBudget", Map.of("amount", "1000000.00", "currency", "CNY"),
						"computeBudget", 1000),
				Map.of()));
	}

	/**
	 * A draft scenario of the program, open from an hour ago for twenty days (China
	 * Standard Time), needing one capability, with a one-criterion rubric.
	 */
	static String draftScenario(String officer, String programId, String title, String capability) {
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		return created(Stack.call("POST", "/api/v1/scenarios", officer,
				Map.ofEntries(Map.entry("programId", programId), Map.entry("title", title),
						Map.entry("sector", "SMART_MANUFACTURING"), Map.entry("demandOwner", "Zhongda workshops"),
						Map.entry("description", "Find defects on the line before they leave the workshop"),
						Map.entry("requiredCapabilities", List.of(capability)),
						Map.entry("support",
								Map.of("funding", Map.of("amount", "100000.00", "currency", "CNY"), "computeGpuHours",
										10)),
						Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
						Map.entry("closesAt", opens.plusDays(20).toString()),
						Map.entry("rubric",
								List.of(Map.of("key", "fit", "name", "Technical fit", "weight", 100, "anchors",
										List.of("Not addressed", "Barely", "Partly", "Mostly",
												"Finds most defects in time", "Finds every defect in time"))))),
				Map.of()));
	}

}
