package dev.scenariohub.scenario.readmodel;

import java.util.List;

/**
 * An enterprise as scenario-service knows it from enterprise events: enough to find
 * conflicts of interest (credit code) and who may act for it (owner and members).
 */
public record KnownEnterprise(String id, String name, String creditCode, String owner, List<String> members,
		long sequence) {

	public boolean actsFor(String sub) {
		return sub.equals(this.owner) || (this.members != null && this.members.contains(sub));
	}
}
