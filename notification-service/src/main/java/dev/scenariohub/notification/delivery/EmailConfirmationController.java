package dev.scenariohub.notification.delivery;

import java.util.Map;

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
 * The link in a confirmation mail, without logging in: {@code GET} shows a page with a
 * button (a mail scanner fetching the link confirms nothing), {@code POST} confirms the
 * address, if it is still the one in the recipient's preferences.
 */
@Tag(name = "Notifications", description = "The inbox, its live stream and unsubscribing from e-mail.")
@RestController
public class EmailConfirmationController {

	private final EmailConfirmations confirmations;

	private final PreferencesRepository preferences;

	public EmailConfirmationController(EmailConfirmations confirmations, PreferencesRepository preferences) {
		this.confirmations = confirmations;
		this.preferences = preferences;
	}

	@Operation(operationId = "showEmailConfirmationPage",
			summary = "A page that asks to confirm an e-mail address (changes nothing)")
	@GetMapping(path = EmailConfirmations.PATH, produces = MediaType.TEXT_HTML_VALUE)
	String page(@RequestParam String token) {
		EmailConfirmations.Claim claim = valid(token);
		return ActionPage.of("确认邮箱 / Confirm e-mail", "确认 " + claim.email() + "？ / Confirm " + claim.email() + "?",
				"确认后，您选择的通知会发送到这个地址。 / Once confirmed, the notifications you chose are sent to this address.",
				EmailConfirmations.PATH, token, "确认 / Confirm");
	}

	@Operation(operationId = "confirmEmail", summary = "Confirm an e-mail address with the link sent to it")
	@PostMapping(EmailConfirmations.PATH)
	Mono<Map<String, String>> confirm(@RequestParam String token) {
		EmailConfirmations.Claim claim = valid(token);
		return this.preferences.confirmEmail(claim.recipient(), claim.email())
			.flatMap(confirmed -> confirmed ? Mono.just(Map.of("status", "CONFIRMED", "email", claim.email()))
					: Mono.error(ApiException.conflict("email-changed", "The address has changed",
							"The e-mail address in the preferences is no longer the one this link was sent to; "
									+ "use the link sent to the current address")));
	}

	private EmailConfirmations.Claim valid(String token) {
		EmailConfirmations.Claim claim = this.confirmations.verify(token);
		if (claim == null) {
			throw ApiException.badRequest("invalid-email-confirmation-token", "Invalid link",
					"This confirmation link is not valid; use the link from the e-mail as it is");
		}
		if (this.confirmations.expired(claim)) {
			throw ApiException.badRequest("expired-email-confirmation-token", "Link expired",
					"This confirmation link has expired; ask for a new one from the notification preferences");
		}
		return claim;
	}

}
