package dev.scenariohub.enterprise.enterprise;

import java.time.Instant;
import java.util.List;

/** An enterprise as the API shows it to its owner, members and officers. */
public record EnterpriseView(String id, String name, String creditCode, boolean creditCodeChecksumFails,
		EnterpriseState.Override creditCodeOverride, EnterpriseCategory category, String district,
		List<String> capabilities, List<String> coreTechnologies, EnterpriseState.Contact contact,
		EnterpriseStatus status, String rejectionReason, String owner, List<String> members, Instant createdAt,
		long version) {

	static EnterpriseView of(EnterpriseState s, long version) {
		return new EnterpriseView(s.id(), s.name(), s.creditCode(), s.creditCodeChecksumFails(), s.creditCodeOverride(),
				s.category(), s.district(), s.capabilities(), s.coreTechnologies(), s.contact(), s.status(),
				s.rejectionReason(), s.owner(), s.members(), s.createdAt(), version);
	}
}
