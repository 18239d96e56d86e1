package dev.scenariohub.notification.subscription;

import java.time.Instant;
import java.util.List;

/**
 * Someone's wish to hear of new scenarios in some sectors or needing some capabilities.
 */
public record Subscription(String id, String owner, List<Sector> sectors, List<String> capabilities,
		Instant createdAt) {
}
