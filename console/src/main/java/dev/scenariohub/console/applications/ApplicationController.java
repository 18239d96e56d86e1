package dev.scenariohub.console.applications;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.console.api.ActionForm;
import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.FieldErrors;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.ProblemShown;
import dev.scenariohub.console.api.RequestBody;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An enterprise's applications in the workspace: applying for a scenario (a draft), then
 * submitting, withdrawing or re-confirming it after a material change, and following its
 * status. Each action is sent with the version the person saw.
 */
@Controller
public class ApplicationController {

	/** The actions an application page offers, as the API names them. */
	static final Set<String> ACTIONS = Set.of("submit", "withdraw", "reconfirm");

	private final GatewayApi api;

	public ApplicationController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace/applications/new")
	Mono<Rendering> newApplication(@RequestParam String scenarioId,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		PathIds.checked(scenarioId);
		return form(ApplicationForm.empty(scenarioId), null, SignInConfiguration.accessToken(client), locale);
	}

	@PostMapping("/workspace/applications")
	Mono<Rendering> create(@ModelAttribute ApplicationForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return this.api.create("/api/v1/applications", form.toRequest(), form.idempotencyKey(), locale, token)
			.map(created -> Rendering.redirectTo("/workspace/applications/" + created.get("id")).build())
			.onErrorResume(ApiProblem.class, refused -> form(form, refused, token, locale));
	}

	@GetMapping("/workspace/applications/{id}")
	Mono<Rendering> application(@PathVariable String id, @RequestParam(required = false) String objected,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(PathIds.checked(id), SignInConfiguration.accessToken(client), locale, null)
			.map(view -> objected == null ? view
					: Rendering.view("application")
						.model(view.modelAttributes())
						.modelAttribute("objected", true)
						.build());
	}

	/**
	 * Objects to the scenario's provisional award, during its standstill period, as one
	 * of its applicants.
	 */
	@PostMapping("/workspace/applications/{id}/objection")
	Mono<Rendering> object(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String application = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			String scenario = PathIds.checked(form.getFirst("scenarioId"));
			Map<String, Object> body = RequestBody.of()
				.text("applicationId", application)
				.text("reason", form.getFirst("reason"))
				.toMap();
			return this.api.post("/api/v1/scenarios/" + scenario + "/objections", body, locale, token)
				.thenReturn(Rendering.redirectTo("/workspace/applications/" + application + "?objected=1").build())
				.onErrorResume(ApiProblem.class, refused -> page(application, token, locale, refused));
		});
	}

	@PostMapping("/workspace/applications/{id}/{action}")
	Mono<Rendering> act(@PathVariable String id, @PathVariable String action, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String application = PathIds.checked(id);
		if (!ACTIONS.contains(action)) {
			throw PathIds.notFound();
		}
		String token = SignInConfiguration.accessToken(client);
		return this.api
			.send(HttpMethod.POST, "/api/v1/applications/" + application + "/" + action, null, form.version(), locale,
					token)
			.thenReturn(Rendering.redirectTo("/workspace/applications/" + application).build())
			.onErrorResume(ApiProblem.class, refused -> page(application, token, locale, refused));
	}

	private Mono<Rendering> page(String id, String token, Locale locale, ApiProblem problem) {
		return this.api.get("/api/v1/applications/" + id, Map.of(), locale, token).flatMap(application -> {
			Object scenarioId = application.get("scenarioId");
			Mono<Answer<Map<String, Object>>> scenario = PathIds.plausible(scenarioId)
					? Answer.of(this.api.get("/api/v1/scenarios/" + scenarioId, Map.of(), locale, token))
					: Mono.just(new Answer<>(Map.of(), null));
			return scenario.map(about -> {
				Rendering.Builder<?> view = Rendering.view("application")
					.modelAttribute("applicationView", application)
					.modelAttribute("scenario", about.value() == null ? Map.of() : about.value())
					.modelAttribute("reload", "/workspace/applications/" + id);
				ProblemShown.on(view, problem, null);
				return view.build();
			});
		});
	}

	private Mono<Rendering> form(ApplicationForm form, ApiProblem refused, String token, Locale locale) {
		Mono<Answer<Map<String, Object>>> scenario = Answer
			.of(this.api.get("/api/v1/scenarios/" + PathIds.checked(form.scenarioId()), Map.of(), locale, token));
		Mono<Answer<Map<String, Object>>> enterprises = Answer
			.of(this.api.get("/api/v1/enterprises", Map.of("limit", "50"), locale, token));
		return Mono.zip(scenario, enterprises).map(both -> {
			Rendering.Builder<?> view = Rendering.view("application-form")
				.modelAttribute("form", form)
				.modelAttribute("scenario", both.getT1().value() == null ? Map.of() : both.getT1().value())
				.modelAttribute("enterprises", both.getT2())
				.modelAttribute("fieldErrors", FieldErrors.of(refused));
			return ProblemShown.on(view, refused != null ? refused : both.getT1().problem(), null).build();
		});
	}

}
