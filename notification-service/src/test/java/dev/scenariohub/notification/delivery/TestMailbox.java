package dev.scenariohub.notification.delivery;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server the tests' services send to (port 13025, as
 * {@code application.properties} says), started once for the test JVM.
 */
final class TestMailbox {

	static final GreenMail SMTP = new GreenMail(new ServerSetup(13025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
		Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop));
	}

	private TestMailbox() {
	}

	/**
	 * Makes sure the server runs (a test class calls it before the service sends mail).
	 */
	static void start() {
		// starting happens once, when this class is first used
	}

	/** Every message received for an address so far. */
	static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text of a message, decoded. */
	static String body(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
