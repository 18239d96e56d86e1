package dev.scenariohub.enterprise.enterprise;

import java.util.List;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;

/**
 * {@code enterprise.registered | updated | verified | rejected}: the enterprise's state
 * (no contact details).
 */
public final class EnterpriseEvents {

	public static final EventType REGISTERED = EventType.of("enterprise", "registered", 1);

	public static final EventType UPDATED = EventType.of("enterprise", "updated", 1);

	public static final EventType VERIFIED = EventType.of("enterprise", "verified", 1);

	public static final EventType REJECTED = EventType.of("enterprise", "rejected", 1);

	private EnterpriseEvents() {
	}

	/** The payload of all four. */
	public record Snapshot(String enterpriseId, String name, String creditCode, EnterpriseCategory category,
			EnterpriseStatus status, String owner, List<String> members, String district, List<String> capabilities,
			List<String> coreTechnologies) {
	}

	static PendingEvent of(EventType type, EnterpriseState s, String actor) {
		return new PendingEvent(type, new Snapshot(s.id(), s.name(), s.creditCode(), s.category(), s.status(),
				s.owner(), s.members(), s.district(), s.capabilities(), s.coreTechnologies()), actor);
	}

}
