package dev.scenariohub.notification.delivery;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.notification.preferences.Channel;
import dev.scenariohub.notification.preferences.EventFamily;
import dev.scenariohub.notification.preferences.Preferences;
import dev.scenariohub.notification.preferences.PreferencesRepository;
import dev.scenariohub.platform.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET|POST /api/v1/notifications/unsubscribe?token=…}: turns e-mail off for the
 * event family the link came with, for the recipient the token names, without logging in
 * (POST is the RFC 8058 one-click form mail clients use).
 */
@RestController
public class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final PreferencesRepository preferences;

	public UnsubscribeController(UnsubscribeLinks links, PreferencesRepository preferences) {
		this.links = links;
		this.preferences = preferences;
	}

	@GetMapping("/api/v1/notifications/unsubscribe")
	Mono<Map<String, String>> confirm(@RequestParam String token) {
		return unsubscribe(token);
	}

	@PostMapping("/api/v1/notifications/unsubscribe")
	Mono<Map<String, String>> oneClick(@RequestParam String token) {
		return unsubscribe(token);
	}

	private Mono<Map<String, String>> unsubscribe(String token) {
		String[] claim = this.links.verify(token);
		if (claim == null) {
			throw ApiException.badRequest("invalid-unsubscribe-token", "Invalid link",
					"This unsubscribe link is not valid; use the link from the e-mail as it is");
		}
		String recipient = claim[0];
		EventFamily family = EventFamily.valueOf(claim[1].substring(0, claim[1].indexOf('.')).toUpperCase(Locale.ROOT));
		return this.preferences.of(recipient).flatMap(p -> {
			Map<EventFamily, Set<Channel>> channels = new HashMap<>(p.channels());
			Set<Channel> enabled = EnumSet.copyOf(channels.getOrDefault(family, EnumSet.allOf(Channel.class)));
			enabled.remove(Channel.EMAIL);
			channels.put(family, enabled);
			return this.preferences.save(new Preferences(recipient, p.locale(), p.email(), channels));
		}).thenReturn(Map.of("status", "UNSUBSCRIBED", "family", family.name()));
	}

}
