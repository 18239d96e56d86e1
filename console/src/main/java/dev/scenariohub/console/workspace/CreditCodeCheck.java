package dev.scenariohub.console.workspace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The registration form's check of a credit code as it is typed: the API's verdict (the
 * rule lives there), in the person's language, for the form's script to show beside the
 * field.
 */
@RestController
public class CreditCodeCheck {

	private final GatewayApi api;

	private final MessageSource messages;

	public CreditCodeCheck(GatewayApi api, MessageSource messages) {
		this.api = api;
		this.messages = messages;
	}

	@GetMapping("/workspace/enterprises/credit-code-check")
	Mono<Map<String, Object>> check(@RequestParam String code,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api
			.get("/api/v1/enterprises/credit-code-check", Map.of("code", code), locale,
					SignInConfiguration.accessToken(client))
			.map(verdict -> {
				Object problem = verdict.get("problem");
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("valid", Boolean.TRUE.equals(verdict.get("valid")));
				shown.put("message",
						this.messages.getMessage("enterprise.creditCode.check." + (problem == null ? "VALID" : problem),
								null, String.valueOf(problem), locale));
				return shown;
			})
			.onErrorResume(ApiProblem.class, refused -> Mono
				.just(Map.of("valid", false, "message", refused.title() == null ? "" : refused.title())));
	}

}
