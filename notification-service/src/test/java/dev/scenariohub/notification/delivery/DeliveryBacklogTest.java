package dev.scenariohub.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.scenariohub.platform.test.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DeliveryBacklogTest {

	@Autowired
	DeliveryRepository deliveries;

	@Test
	void theBacklogCountsWhatIsDueAndHowLongTheOldestHasWaited() {
		// due far in the future, so the running dispatcher leaves it alone; the backlog
		// looks from later still
		Instant dueAt = Instant.now().plus(Duration.ofDays(3650));
		String id = "backlog-" + UUID.randomUUID();
		this.deliveries.enqueue(Delivery.pending(id, DeliveryChannel.EMAIL, "backlog-owner", "owner@example.com",
				new Delivery.Content(id, "dev.scenariohub.scenario.published.v1", "scenario.published", "s", "b"),
				dueAt))
			.block();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();

		DeliveryBacklog now = new DeliveryBacklog(this.deliveries, meters, Clock.systemUTC());
		now.refresh().block();
		long dueNow = now.due(DeliveryChannel.EMAIL);

		DeliveryBacklog later = new DeliveryBacklog(this.deliveries, new SimpleMeterRegistry(),
				Clock.fixed(dueAt.plus(Duration.ofHours(2)), ZoneOffset.UTC));
		later.refresh().block();
		assertThat(later.due(DeliveryChannel.EMAIL)).as("the delivery is due then").isGreaterThanOrEqualTo(dueNow + 1);
		assertThat(later.oldestAgeSeconds(DeliveryChannel.EMAIL))
			.isGreaterThanOrEqualTo(Duration.ofHours(2).toSeconds());
		assertThat(meters.get("scenariohub.delivery.due").tag("channel", "email").gauge().value()).isEqualTo(dueNow);
		assertThat(meters.get("scenariohub.delivery.oldest.due.age").tag("channel", "webhook").gauge()).isNotNull();
	}

}
