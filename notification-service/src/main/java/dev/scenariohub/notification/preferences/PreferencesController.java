package dev.scenariohub.notification.preferences;

import java.util.Map;
import java.util.Set;

import dev.scenariohub.notification.templates.Templates;
import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own notification preferences. */
@Tag(name = "Preferences", description = "Which channels and languages a recipient wants.")
@RestController
@RequestMapping("/api/v1/notification-preferences")
public class PreferencesController {

	/** {@code PUT /api/v1/notification-preferences}. */
	@Schema(name = "PreferencesChanges")
	public record PreferencesRequest(@NotNull @Size(max = 10) String locale, @Email @Size(max = 200) String email,
			Map<@NotNull EventFamily, @NotNull Set<@NotNull Channel>> channels) {
	}

	/** The answer to asking for a confirmation link again. */
	@Schema(name = "EmailConfirmationRequested")
	public record ConfirmationRequested(String email, boolean sent) {
	}

	private final PreferencesRepository preferences;

	private final EmailConfirmationRequests confirmations;

	public PreferencesController(PreferencesRepository preferences, EmailConfirmationRequests confirmations) {
		this.preferences = preferences;
		this.confirmations = confirmations;
	}

	@Operation(operationId = "getNotificationPreferences", summary = "The caller's notification preferences",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	Mono<Preferences> get(@AuthenticationPrincipal Jwt caller) {
		return this.preferences.of(caller.getSubject());
	}

	@Operation(operationId = "setNotificationPreferences",
			summary = "Replace the caller's notification preferences; a new e-mail address gets a confirmation link "
					+ "and no other mail until it is confirmed",
			security = @SecurityRequirement(name = "bearer"))
	@PutMapping
	Mono<Preferences> put(@Valid @RequestBody PreferencesRequest body, @AuthenticationPrincipal Jwt caller) {
		if (!Templates.LOCALES.contains(body.locale())) {
			throw ValidationProblem.of("locale", "must be one of " + Templates.LOCALES);
		}
		return this.preferences.choose(caller.getSubject(), body.locale(), body.email(), body.channels())
			.flatMap(saved -> saved.email() == null || saved.emailConfirmed() ? Mono.just(saved)
					: this.confirmations.request(saved).thenReturn(saved));
	}

	@Operation(operationId = "requestEmailConfirmation",
			summary = "Send the confirmation link for the caller's e-mail address again "
					+ "(at most one per address every 10 minutes)",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/email-confirmation")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ConfirmationRequested> requestConfirmation(@AuthenticationPrincipal Jwt caller) {
		return this.preferences.of(caller.getSubject()).flatMap(p -> {
			if (p.email() == null) {
				return Mono.error(ApiException.conflict("no-email", "No e-mail address",
						"Set an e-mail address in the notification preferences first"));
			}
			if (p.emailConfirmed()) {
				return Mono.error(ApiException.conflict("email-already-confirmed", "Already confirmed",
						"The e-mail address " + p.email() + " is confirmed already"));
			}
			return this.confirmations.request(p).map(sent -> new ConfirmationRequested(p.email(), sent));
		});
	}

}
