package dev.scenariohub.notification;

import java.time.Duration;

import dev.scenariohub.notification.delivery.DeliveryChannel;
import dev.scenariohub.notification.delivery.Dispatcher;
import dev.scenariohub.platform.events.PeriodicTask;
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

}
