package dev.scenariohub.notification.delivery;

import java.util.Locale;
import java.util.Map;

import dev.scenariohub.notification.preferences.Channel;
import dev.scenariohub.notification.preferences.EventFamily;
import dev.scenariohub.notification.preferences.PreferencesRepository;
import dev.scenariohub.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/notifications/unsubscribe?token=…} turns e-mail off for the event
 * family the link came with, for the recipient the token names, without logging in (the
 * RFC 8058 one-click form mail clients use). {@code GET} — what a person's click, and a
 * mail scanner's prefetch, does — only shows a page with the button that posts it, so
 * nobody is opted out by a link being fetched.
 */
@Tag(name = "Notifications", description = "The inbox, its live stream and unsubscribing from e-mail.")
@RestController
public class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final PreferencesRepository preferences;

	public UnsubscribeController(UnsubscribeLinks links, PreferencesRepository preferences) {
		this.links = links;
		this.preferences = preferences;
	}

	@Operation(operationId = "showUnsubscribePage",
			summary = "A page that asks to confirm unsubscribing (changes nothing)")
	@GetMapping(path = "/api/v1/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	String confirm(@RequestParam String token) {
		if (this.links.verify(token) == null) {
			throw invalid();
		}
		return ActionPage.of("退订 / Unsubscribe", "退订这类邮件？ / Stop these e-mails?",
				"您仍会在站内收件箱收到通知。 / You will still see these notifications in your inbox.",
				"/api/v1/notifications/unsubscribe", token, "退订 / Unsubscribe");
	}

	@Operation(operationId = "unsubscribe", summary = "Unsubscribe from e-mail (one-click, RFC 8058)")
	@PostMapping("/api/v1/notifications/unsubscribe")
	Mono<Map<String, String>> oneClick(@RequestParam String token) {
		return unsubscribe(token);
	}

	private Mono<Map<String, String>> unsubscribe(String token) {
		String[] claim = this.links.verify(token);
		if (claim == null) {
			throw invalid();
		}
		String recipient = claim[0];
		EventFamily family = EventFamily.valueOf(claim[1].substring(0, claim[1].indexOf('.')).toUpperCase(Locale.ROOT));
		return this.preferences.turnOff(recipient, family, Channel.EMAIL)
			.thenReturn(Map.of("status", "UNSUBSCRIBED", "family", family.name()));
	}

	private static ApiException invalid() {
		return ApiException.badRequest("invalid-unsubscribe-token", "Invalid link",
				"This unsubscribe link is not valid; use the link from the e-mail as it is");
	}

}
