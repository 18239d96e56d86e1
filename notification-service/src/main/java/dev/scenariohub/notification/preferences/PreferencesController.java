package dev.scenariohub.notification.preferences;

import java.util.Map;
import java.util.Set;

import dev.scenariohub.notification.templates.Templates;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

	private final PreferencesRepository preferences;

	public PreferencesController(PreferencesRepository preferences) {
		this.preferences = preferences;
	}

	@Operation(operationId = "getNotificationPreferences", summary = "The caller's notification preferences",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	Mono<Preferences> get(@AuthenticationPrincipal Jwt caller) {
		return this.preferences.of(caller.getSubject());
	}

	@Operation(operationId = "setNotificationPreferences", summary = "Replace the caller's notification preferences",
			security = @SecurityRequirement(name = "bearer"))
	@PutMapping
	Mono<Preferences> put(@Valid @RequestBody PreferencesRequest body, @AuthenticationPrincipal Jwt caller) {
		if (!Templates.LOCALES.contains(body.locale())) {
			throw ValidationProblem.of("locale", "must be one of " + Templates.LOCALES);
		}
		return this.preferences
			.save(new Preferences(caller.getSubject(), body.locale(), body.email(), body.channels()));
	}

}
