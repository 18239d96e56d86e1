package dev.scenariohub.enterprise.enterprise;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.enterprise.text.Words;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The stored state of an enterprise.
 *
 * @param creditCodeChecksumFails the code is well-formed but fails its checksum (the
 * applicant says it is real)
 * @param creditCodeOverride the officer's audited acceptance of such a code, or null
 * @param technologyWords the words of the core technologies, always derived from them
 * (stored, so that matching finds enterprises by index)
 */
public record EnterpriseState(String id, String name, String creditCode, EnterpriseCategory category, String district,
		List<String> capabilities, List<String> coreTechnologies, Contact contact, EnterpriseStatus status,
		String owner, List<String> members, boolean creditCodeChecksumFails, Override creditCodeOverride,
		String rejectionReason, Instant createdAt, List<String> technologyWords) {

	public EnterpriseState {
		capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
		coreTechnologies = coreTechnologies == null ? List.of() : List.copyOf(coreTechnologies);
		technologyWords = Words.of(coreTechnologies);
		members = members == null ? List.of() : List.copyOf(members);
	}

	/** Whom to talk to. */
	public record Contact(String name, String email, String phone) {
	}

	/** An officer's audited decision. */
	@Schema(name = "CreditCodeOverride")
	public record Override(String by, String reason, Instant at) {
	}

	public boolean actsFor(String sub) {
		return sub.equals(this.owner) || this.members.contains(sub);
	}
}
