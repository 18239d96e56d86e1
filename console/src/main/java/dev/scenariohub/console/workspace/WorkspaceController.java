package dev.scenariohub.console.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.FieldErrors;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.Vocabulary;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's workspace: what the platform has told them (the inbox, newest
 * first, with the unread ones marked, growing live), and by their roles: the enterprises
 * they may see and registering one, their applications, their review assignments, and the
 * way to the officer's desk. Every call carries their own access token, so the API
 * decides what they may see and do.
 */
@Controller
public class WorkspaceController {

	static final int PAGE_SIZE = 20;

	private final GatewayApi api;

	public WorkspaceController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace")
	Mono<Rendering> workspace(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			@AuthenticationPrincipal OidcUser user, Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		List<String> roles = user.getClaimAsStringList("roles") == null ? List.of()
				: user.getClaimAsStringList("roles");
		Map<String, String> page = Map.of("limit", Integer.toString(PAGE_SIZE));
		boolean enterprise = roles.contains("enterprise");
		Mono<Answer<Map<String, Object>>> enterprises = ifAllowed(enterprise,
				() -> this.api.get("/api/v1/enterprises", page, locale, token), Map.of("items", List.of()));
		Mono<Answer<Map<String, Object>>> applications = ifAllowed(enterprise,
				() -> this.api.get("/api/v1/applications", page, locale, token), Map.of("items", List.of()));
		Mono<Answer<List<Map<String, Object>>>> assignments = ifAllowed(roles.contains("reviewer"),
				() -> this.api.list("/api/v1/reviews/assignments", locale, token), List.of());
		return Mono
			.zip(this.api.get("/api/v1/notifications", page, locale, token), enterprises, applications, assignments)
			.map(all -> Rendering.view("workspace")
				.modelAttribute("inbox", all.getT1())
				.modelAttribute("unread", unread(all.getT1()))
				.modelAttribute("enterprises", all.getT2())
				.modelAttribute("applications", all.getT3())
				.modelAttribute("assignments", all.getT4())
				.build());
	}

	/** Marks every notification read, then shows the workspace again. */
	@PostMapping("/workspace/notifications/read-all")
	Mono<Rendering> readAll(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api.post("/api/v1/notifications/read-all", null, locale, SignInConfiguration.accessToken(client))
			.thenReturn(Rendering.redirectTo("/workspace").build());
	}

	@GetMapping("/workspace/enterprises/new")
	Rendering newEnterprise() {
		return form(EnterpriseForm.empty(), null, HttpStatus.OK);
	}

	/**
	 * Registers the enterprise; what the API refuses comes back as the form, filled in as
	 * sent, with each field's problem beside it.
	 */
	@PostMapping("/workspace/enterprises")
	Mono<Rendering> registerEnterprise(@ModelAttribute EnterpriseForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api
			.create("/api/v1/enterprises", form.toRequest(), form.idempotencyKey(), locale,
					SignInConfiguration.accessToken(client))
			.thenReturn(Rendering.redirectTo("/workspace").build())
			.onErrorResume(ApiProblem.class,
					refused -> Mono.just(form(form, refused, HttpStatus.valueOf(refused.status()))));
	}

	private static Rendering form(EnterpriseForm form, ApiProblem refused, HttpStatus status) {
		Rendering.Builder<?> view = Rendering.view("enterprise-form")
			.modelAttribute("form", form)
			.modelAttribute("categories", Vocabulary.CATEGORIES)
			.modelAttribute("fieldErrors", FieldErrors.of(refused))
			.status(status);
		if (refused != null) {
			view.modelAttribute("problem", refused);
		}
		return view.build();
	}

	/**
	 * What a part of the page shows: the API's answer for those whose role has that part.
	 */
	private static <T> Mono<Answer<T>> ifAllowed(boolean hasThePart, Supplier<Mono<T>> call, T none) {
		return hasThePart ? Answer.of(call.get()) : Mono.just(new Answer<>(none, null));
	}

	private static long unread(Map<String, Object> inbox) {
		return inbox.get("items") instanceof List<?> items
				? items.stream().filter(item -> item instanceof Map<?, ?> n && n.get("readAt") == null).count() : 0;
	}

}
