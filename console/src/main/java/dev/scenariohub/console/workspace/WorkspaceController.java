package dev.scenariohub.console.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's workspace: what the platform has told them (the inbox, newest
 * first, with the unread ones marked), the enterprises they may see, and registering one.
 * Every call carries their own access token, so the API decides what they may see and do.
 */
@Controller
public class WorkspaceController {

	static final int PAGE_SIZE = 20;

	/** The enterprise categories, as the API names them. */
	static final List<String> CATEGORIES = List.of("LEADING", "SPECIALIZED_INNOVATIVE", "LITTLE_GIANT", "STARTUP",
			"RESEARCH_INSTITUTE");

	private final GatewayApi api;

	public WorkspaceController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace")
	Mono<Rendering> workspace(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = client.getAccessToken().getTokenValue();
		Map<String, String> page = Map.of("limit", Integer.toString(PAGE_SIZE));
		Mono<Map<String, Object>> enterprises = this.api.get("/api/v1/enterprises", page, locale, token)
			// a reviewer, for one, sees no enterprises at all
			.onErrorResume(ApiProblem.class, notTheirs -> Mono.just(Map.of("items", List.of())));
		return this.api.get("/api/v1/notifications", page, locale, token)
			.zipWith(enterprises)
			.map(both -> Rendering.view("workspace")
				.modelAttribute("inbox", both.getT1())
				.modelAttribute("unread", unread(both.getT1()))
				.modelAttribute("enterprises", both.getT2())
				.build());
	}

	/** Marks every notification read, then shows the workspace again. */
	@PostMapping("/workspace/notifications/read-all")
	Mono<Rendering> readAll(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api.post("/api/v1/notifications/read-all", null, locale, client.getAccessToken().getTokenValue())
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
		Map<String, String> headers = form.idempotencyKey() == null || form.idempotencyKey().isBlank() ? Map.of()
				: Map.of("Idempotency-Key", form.idempotencyKey());
		return this.api
			.post("/api/v1/enterprises", form.toRequest(), headers, locale, client.getAccessToken().getTokenValue())
			.thenReturn(Rendering.redirectTo("/workspace").build())
			.onErrorResume(ApiProblem.class,
					refused -> Mono.just(form(form, refused, HttpStatus.valueOf(refused.status()))));
	}

	private static Rendering form(EnterpriseForm form, ApiProblem refused, HttpStatus status) {
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		if (refused != null) {
			refused.errors()
				.forEach(error -> fieldErrors.merge(String.valueOf(error.get("field")),
						String.valueOf(error.get("message")), (first, second) -> first + "; " + second));
		}
		Rendering.Builder<?> view = Rendering.view("enterprise-form")
			.modelAttribute("form", form)
			.modelAttribute("categories", CATEGORIES)
			.modelAttribute("fieldErrors", fieldErrors)
			.status(status);
		if (refused != null) {
			view.modelAttribute("problem", refused);
		}
		return view.build();
	}

	private static long unread(Map<String, Object> inbox) {
		return inbox.get("items") instanceof List<?> items
				? items.stream().filter(item -> item instanceof Map<?, ?> n && n.get("readAt") == null).count() : 0;
	}

}
