package dev.scenariohub.console.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.ProblemShown;
import dev.scenariohub.console.api.RequestBody;
import dev.scenariohub.console.api.Vocabulary;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How a person wants to be told: the language and e-mail address of their notifications
 * and the channels per kind of event, subscriptions to sectors and capabilities (for new
 * scenarios), and webhooks, whose signing secret is shown once, when the webhook is made.
 */
@Controller
public class SettingsController {

	static final String PAGE = "/workspace/settings";

	private final GatewayApi api;

	public SettingsController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping(PAGE)
	Mono<Rendering> settings(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(SignInConfiguration.accessToken(client), locale, null, null);
	}

	/**
	 * Replaces the preferences: every kind of event is sent with the channels ticked for
	 * it, so what the page showed is what is kept.
	 */
	@PostMapping(PAGE + "/preferences")
	Mono<Rendering> preferences(ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> channels = new LinkedHashMap<>();
			Vocabulary.EVENT_FAMILIES.forEach(family -> channels.put(family, ticked(form, "channel-" + family)));
			Map<String, Object> body = RequestBody.of()
				.text("locale", form.getFirst("locale"))
				.text("email", form.getFirst("email"))
				.put("channels", channels)
				.toMap();
			return done(this.api.send(HttpMethod.PUT, "/api/v1/notification-preferences", body, null, locale, token),
					"preferences", token, locale);
		});
	}

	/** Asks for the confirmation link of the e-mail address again. */
	@PostMapping(PAGE + "/email-confirmation")
	Mono<Rendering> confirmEmail(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return done(this.api.send(HttpMethod.POST, "/api/v1/notification-preferences/email-confirmation", null, null,
				locale, token), "preferences", token, locale);
	}

	@PostMapping(PAGE + "/subscriptions")
	Mono<Rendering> subscribe(ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = RequestBody.of()
				.put("sectors", ticked(form, "sectors"))
				.put("capabilities", RequestBody.words(form.getFirst("capabilities")))
				.toMap();
			return done(this.api.post("/api/v1/subscriptions", body, locale, token), "subscriptions", token, locale);
		});
	}

	@PostMapping(PAGE + "/subscriptions/{id}/delete")
	Mono<Rendering> unsubscribe(@PathVariable String id,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return done(this.api.send(HttpMethod.DELETE, "/api/v1/subscriptions/" + PathIds.checked(id), null, null, locale,
				token), "subscriptions", token, locale);
	}

	/**
	 * Registers a webhook and shows its signing secret, this once: the API does not show
	 * it again.
	 */
	@PostMapping(PAGE + "/webhooks")
	Mono<Rendering> addWebhook(ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = RequestBody.of()
				.text("url", form.getFirst("url"))
				.put("eventTypes", RequestBody.words(form.getFirst("eventTypes")))
				.toMap();
			return this.api.post("/api/v1/webhooks", body, locale, token)
				.map(webhook -> Rendering.view("webhook-created")
					.modelAttribute("webhook", webhook)
					.status(HttpStatus.CREATED)
					.build())
				.onErrorResume(ApiProblem.class, refused -> page(token, locale, refused, "webhooks"));
		});
	}

	@PostMapping(PAGE + "/webhooks/{id}/delete")
	Mono<Rendering> removeWebhook(@PathVariable String id,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return done(
				this.api.send(HttpMethod.DELETE, "/api/v1/webhooks/" + PathIds.checked(id), null, null, locale, token),
				"webhooks", token, locale);
	}

	private Mono<Rendering> done(Mono<Map<String, Object>> call, String at, String token, Locale locale) {
		return call.thenReturn(Rendering.redirectTo(PAGE).build())
			.onErrorResume(ApiProblem.class, refused -> page(token, locale, refused, at));
	}

	private Mono<Rendering> page(String token, Locale locale, ApiProblem problem, String problemAt) {
		return Mono
			.zip(Answer.of(this.api.get("/api/v1/notification-preferences", Map.of(), locale, token)),
					Answer.of(this.api.list("/api/v1/subscriptions", locale, token)),
					Answer.of(this.api.list("/api/v1/webhooks", locale, token)))
			.map(all -> {
				Rendering.Builder<?> view = Rendering.view("settings")
					.modelAttribute("preferences", all.getT1())
					.modelAttribute("subscriptions", all.getT2())
					.modelAttribute("webhooks", all.getT3())
					.modelAttribute("families", Vocabulary.EVENT_FAMILIES)
					.modelAttribute("channels", Vocabulary.CHANNELS)
					.modelAttribute("locales", Vocabulary.NOTIFICATION_LOCALES)
					.modelAttribute("sectors", Vocabulary.SECTORS)
					.modelAttribute("reload", PAGE);
				ProblemShown.on(view, problem, problemAt);
				return view.build();
			});
	}

	private static List<String> ticked(MultiValueMap<String, String> form, String field) {
		List<String> values = form.get(field);
		return values == null ? List.of() : values;
	}

}
