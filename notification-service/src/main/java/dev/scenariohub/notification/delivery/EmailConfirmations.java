package dev.scenariohub.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.preferences.EmailConfirmationRequests;
import dev.scenariohub.notification.preferences.Preferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Confirmation of e-mail addresses: a mail with a signed link (recipient, address,
 * expiry) goes to a newly set address through the e-mail channel's deliveries (retried
 * like any other), and no other mail goes there until the link is followed. One link per
 * recipient and address per {@link #RESEND_AFTER}; a link is valid for {@link #VALID}.
 * Confirmation mails carry no unsubscribe link and raise no {@code notification.*} event:
 * they are about the account, not about an event.
 */
@Component
public class EmailConfirmations implements EmailConfirmationRequests {

	/** The family of confirmation deliveries. */
	static final String FAMILY = "account.email-confirmation";

	static final Duration VALID = Duration.ofDays(3);

	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	static final String PATH = "/api/v1/notifications/email-confirmation";

	/** What a valid link names. */
	record Claim(String recipient, String email, Instant expiresAt) {
	}

	private final LinkSigner signer;

	private final String baseUrl;

	private final DeliveryRepository deliveries;

	private final Clock clock;

	public EmailConfirmations(@Value("${notifications.unsubscribe.secret:}") String secret,
			@Value("${notifications.public-base-url:http://localhost:8080}") String baseUrl,
			DeliveryRepository deliveries, Clock clock) {
		this.signer = LinkSigner.of(secret, "notifications.unsubscribe.secret", "email-confirmation");
		this.baseUrl = baseUrl;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> request(Preferences p) {
		Instant now = this.clock.instant();
		String link = this.baseUrl + PATH + "?token="
				+ this.signer.token(p.recipient(), p.email(), Long.toString(now.plus(VALID).getEpochSecond()));
		long window = now.getEpochSecond() / RESEND_AFTER.toSeconds();
		String id = NotificationIds.of("email-confirmation\n" + p.email() + "\n" + window, p.recipient(), "email");
		return this.deliveries
			.enqueue(Delivery.pending(id, DeliveryChannel.EMAIL, p.recipient(), p.email(), new Delivery.Content(id,
					"email-confirmation", FAMILY, "确认邮箱地址 / Confirm your e-mail address", body(p.email(), link)), now));
	}

	/**
	 * @return what the token names, or null when it is not a confirmation link of ours
	 * (its expiry is the caller's to check)
	 */
	Claim verify(String token) {
		String[] fields = this.signer.verify(token, 3);
		if (fields == null) {
			return null;
		}
		try {
			return new Claim(fields[0], fields[1], Instant.ofEpochSecond(Long.parseLong(fields[2])));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	boolean expired(Claim claim) {
		return !this.clock.instant().isBefore(claim.expiresAt());
	}

	static boolean isConfirmation(Delivery d) {
		return FAMILY.equals(d.family());
	}

	private static String body(String email, String link) {
		return """
				请确认 ScenarioHub 可以向 %1$s 发送通知：
				%2$s
				链接 3 天内有效。如非本人操作，请忽略本邮件：在确认之前，本地址不会收到任何通知。

				Please confirm that ScenarioHub may send notifications to %1$s:
				%2$s
				The link is valid for 3 days. If you did not ask for this, ignore this e-mail: nothing else is sent to this address until it is confirmed.
				"""
			.formatted(email, link);
	}

}
