package dev.scenariohub.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Made-up but plausible enterprises and scenarios for the matching measurement, the same
 * for the same numbers: capabilities and technology words drawn from vocabularies of a
 * realistic size, so that each capability is shared by a small share of enterprises.
 */
final class Catalogue {

	static final String[] SECTORS = { "FASHION_DESIGN", "LOW_ALTITUDE_ECONOMY", "INTELLIGENT_CONNECTED_VEHICLES",
			"HEALTHCARE", "BRAIN_COMPUTER_INTERFACE", "SMART_MANUFACTURING", "PUBLIC_SERVICES", "OTHER" };

	static final String[] CATEGORIES = { "LEADING", "SPECIALIZED_INNOVATIVE", "LITTLE_GIANT", "STARTUP",
			"RESEARCH_INSTITUTE" };

	private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int CAPABILITIES = 400;

	private static final int WORDS = 2_000;

	private Catalogue() {
	}

	/** The n-th enterprise's registration. */
	static Map<String, Object> enterprise(int n) {
		Random random = new Random(1_000_003L * n);
		return Map.of("name", "Bench enterprise " + n, "creditCode", creditCode(n), "category",
				CATEGORIES[random.nextInt(CATEGORIES.length)], "district", "Haizhu", "capabilities",
				capabilities(random, 3 + random.nextInt(4)), "coreTechnologies",
				List.of(words(random, 3), words(random, 2)), "contact",
				Map.of("name", "Contact " + n, "email", "contact" + n + "@bench.example"));
	}

	/** The n-th scenario of a program, open from an hour ago for sixty days. */
	static Map<String, Object> scenario(int n, String programId) {
		Random random = new Random(2_000_003L * n);
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		return Map.ofEntries(Map.entry("programId", programId),
				Map.entry("title", "Scenario " + n + " " + words(random, 3)),
				Map.entry("sector", SECTORS[random.nextInt(SECTORS.length)]),
				Map.entry("demandOwner", "Demand owner " + n), Map.entry("description", words(random, 12)),
				Map.entry("requirements", words(random, 8)),
				Map.entry("requiredCapabilities", capabilities(random, 2 + random.nextInt(3))),
				Map.entry("support",
						Map.of("funding", Map.of("amount", "100.00", "currency", "CNY"), "computeGpuHours", 1)),
				Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
				Map.entry("closesAt", opens.plusDays(60).toString()), Map.entry("rubric", List.of(Map.of("key", "fit",
						"name", "Fit", "weight", 100, "anchors", List.of("0", "1", "2", "3", "4", "5")))));
	}

	private static List<String> capabilities(Random random, int count) {
		Set<String> tags = new LinkedHashSet<>();
		while (tags.size() < count) {
			tags.add("capability-" + random.nextInt(CAPABILITIES));
		}
		return new ArrayList<>(tags);
	}

	private static String words(Random random, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : " ").append("term").append(random.nextInt(WORDS));
		}
		return text.toString();
	}

	/** A valid unified social credit code (GB 32100-2015) that only n has. */
	static String creditCode(int n) {
		String body = "91440105" + String.format("%09d", n);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CODE_ALPHABET.indexOf(body.charAt(i)) * CODE_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return body + CODE_ALPHABET.charAt(check == 31 ? 0 : check);
	}

}
