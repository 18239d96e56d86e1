package dev.scenariohub.scenario.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/** The enterprises a reviewer declares ties to, by id or by credit code. */
public record Affiliations(@Id String reviewer, List<String> enterpriseIds, List<String> creditCodes,
		Instant declaredAt) {

	public Affiliations {
		enterpriseIds = enterpriseIds == null ? List.of() : List.copyOf(enterpriseIds);
		creditCodes = creditCodes == null ? List.of() : List.copyOf(creditCodes);
	}

	public static Affiliations none(String reviewer) {
		return new Affiliations(reviewer, List.of(), List.of(), null);
	}
}
