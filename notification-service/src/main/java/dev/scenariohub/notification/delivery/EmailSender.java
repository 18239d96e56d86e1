package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a delivery as an e-mail with RFC 8058 one-click unsubscribe. SMTP is blocking, so
 * sends run on a small scheduler of their own: a hung SMTP server ties up at most these
 * threads, never the event loop, the webhook deliveries or anything else. Connect, read
 * and write timeouts are set on the SMTP session
 * ({@code spring.mail.properties.mail.smtp.*timeout}). The attempt is traced, but the
 * message carries no trace header: ids of internal traces are no business of the
 * recipient's mail system.
 */
@Component
public class EmailSender implements ChannelSender, DisposableBean {

	private final ObjectProvider<JavaMailSender> mail;

	private final UnsubscribeLinks unsubscribe;

	private final String from;

	private final Scheduler smtp;

	private final int concurrency;

	public EmailSender(ObjectProvider<JavaMailSender> mail, UnsubscribeLinks unsubscribe,
			@Value("${notifications.mail.from:noreply@scenariohub.dev}") String from,
			@Value("${notifications.mail.concurrency:4}") int concurrency) {
		this.mail = mail;
		this.unsubscribe = unsubscribe;
		this.from = from;
		this.concurrency = concurrency;
		this.smtp = Schedulers.newBoundedElastic(concurrency, 1_000, "smtp");
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.EMAIL;
	}

	@Override
	public int concurrency() {
		return this.concurrency;
	}

	@Override
	public Mono<Void> send(Delivery d, Map<String, String> trace) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Mono.error(new IllegalStateException("no SMTP server is configured (spring.mail.host)"));
		}
		return Mono.<Void>fromRunnable(() -> sender.send(message(sender, d))).subscribeOn(this.smtp);
	}

	private MimeMessage message(JavaMailSender sender, Delivery d) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(d.target());
			helper.setSubject(d.subject());
			if (EmailConfirmations.isConfirmation(d)) {
				// about the account, not a kind of event one could unsubscribe from
				helper.setText(d.body());
				return message;
			}
			String link = this.unsubscribe.link(d.recipient(), d.family());
			helper.setText(d.body() + "\n\n—\nUnsubscribe / 退订: " + link);
			message.setHeader("List-Unsubscribe", "<" + link + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		this.smtp.dispose();
	}

}
