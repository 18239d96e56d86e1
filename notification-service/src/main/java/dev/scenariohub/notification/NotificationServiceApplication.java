package dev.scenariohub.notification;

import java.time.Clock;
import java.time.Duration;

import dev.scenariohub.notification.delivery.DeliveryBacklog;
import dev.scenariohub.notification.delivery.DeliveryChannel;
import dev.scenariohub.notification.delivery.DeliveryRepository;
import dev.scenariohub.notification.delivery.Dispatcher;
import dev.scenariohub.notification.inbox.NotificationRepository;
import dev.scenariohub.platform.events.PeriodicTask;
import dev.scenariohub.platform.events.RetentionRule;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

	/**
	 * Webhook deliveries that are due, sent apart from event consumption and from e-mail.
	 */
	@Bean
	PeriodicTask webhookDispatch(Dispatcher dispatcher,
			@Value("${notifications.delivery.interval:PT0.2S}") Duration interval) {
		return new PeriodicTask("webhook dispatch", interval, () -> dispatcher.dispatchDue(DeliveryChannel.WEBHOOK));
	}

	/** E-mail deliveries that are due: a hung SMTP server holds up only these. */
	@Bean
	PeriodicTask emailDispatch(Dispatcher dispatcher,
			@Value("${notifications.delivery.interval:PT0.2S}") Duration interval) {
		return new PeriodicTask("e-mail dispatch", interval, () -> dispatcher.dispatchDue(DeliveryChannel.EMAIL));
	}

	@Bean
	DeliveryBacklog deliveryBacklog(DeliveryRepository deliveries, MeterRegistry meters, Clock clock) {
		return new DeliveryBacklog(deliveries, meters, clock);
	}

	/** The delivery backlog gauges, read every 10 s. */
	@Bean
	PeriodicTask deliveryBacklogTask(DeliveryBacklog backlog,
			@Value("${notifications.delivery.backlog-interval:PT10S}") Duration interval) {
		return new PeriodicTask("delivery backlog", interval, backlog::refresh);
	}

	/** Inbox notifications are kept this long after they were created (180 days). */
	@Bean
	RetentionRule inboxRetention(@Value("${notifications.retention.inbox:P180D}") Duration keep) {
		return new RetentionRule(NotificationRepository.COLLECTION, "createdAt", keep);
	}

	/**
	 * Webhook and e-mail deliveries are kept this long after they succeeded or failed for
	 * good (30 days), so their receivers can still look them up; pending ones stay.
	 */
	@Bean
	RetentionRule deliveryRetention(@Value("${notifications.retention.deliveries:P30D}") Duration keep) {
		return new RetentionRule(DeliveryRepository.COLLECTION, "doneAt", keep);
	}

}
