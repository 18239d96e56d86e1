package dev.scenariohub.notification.feed;

import java.util.Set;

/**
 * The event types anyone may read in the public change feed: what happens to open
 * scenarios.
 */
public final class PublicEvents {

	/** Full CloudEvents types, as clients filter the feed by them. */
	public static final Set<String> TYPES = Set.of("dev.scenariohub.scenario.published.v1",
			"dev.scenariohub.scenario.updated.v1", "dev.scenariohub.scenario.closed.v1",
			"dev.scenariohub.scenario.awarded.v1", "dev.scenariohub.scenario.completed.v1");

	private PublicEvents() {
	}

	public static boolean includes(String type) {
		return TYPES.contains(type);
	}

}
