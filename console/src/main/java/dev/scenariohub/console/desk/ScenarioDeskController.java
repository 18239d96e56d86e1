package dev.scenariohub.console.desk;

import java.util.LinkedHashMap;
import java.util.List;
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
import dev.scenariohub.console.api.Vocabulary;
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
 * One scenario on the officer's desk: creating it, its lifecycle actions (each sent with
 * the version the officer saw, so a change someone else made in between is refused and
 * offered for reload), its applications, review assignments (by hand and automatic),
 * ranking and award, and its history. The API decides what is allowed; a refusal is shown
 * beside the action that caused it.
 */
@Controller
public class ScenarioDeskController {

	/** The lifecycle actions a scenario page offers, as the API names them. */
	static final Set<String> ACTIONS = Set.of("publish", "close", "start-review", "start-pilot", "complete", "cancel");

	private final GatewayApi api;

	public ScenarioDeskController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace/desk/scenarios/new")
	Mono<Rendering> newScenario(@RequestParam(required = false) String programId,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return form(ScenarioForm.empty(programId), null, SignInConfiguration.accessToken(client), locale);
	}

	@PostMapping("/workspace/desk/scenarios")
	Mono<Rendering> create(@ModelAttribute ScenarioForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return this.api.create("/api/v1/scenarios", form.toRequest(), form.idempotencyKey(), locale, token)
			.map(created -> Rendering.redirectTo("/workspace/desk/scenarios/" + created.get("id")).build())
			.onErrorResume(ApiProblem.class, refused -> form(form, refused, token, locale));
	}

	@GetMapping("/workspace/desk/scenarios/{id}")
	Mono<Rendering> scenario(@PathVariable String id,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(PathIds.checked(id), SignInConfiguration.accessToken(client), locale, null, null);
	}

	@PostMapping("/workspace/desk/scenarios/{id}/{action}")
	Mono<Rendering> act(@PathVariable String id, @PathVariable String action, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		if (!ACTIONS.contains(action)) {
			throw PathIds.notFound();
		}
		Map<String, Object> body = "cancel".equals(action) ? form.reasonBody() : null;
		return done(scenario, this.api.send(HttpMethod.POST, "/api/v1/scenarios/" + scenario + "/" + action, body,
				form.version(), locale, SignInConfiguration.accessToken(client)), "lifecycle", client, locale);
	}

	@PostMapping("/workspace/desk/scenarios/{id}/assignments")
	Mono<Rendering> assign(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("applicationId", form.getFirst("applicationId"));
			body.put("reviewer", trimmed(form.getFirst("reviewer")));
			return done(scenario, this.api.post("/api/v1/scenarios/" + scenario + "/review-assignments", body, locale,
					SignInConfiguration.accessToken(client)), "assign", client, locale);
		});
	}

	@PostMapping("/workspace/desk/scenarios/{id}/assignments/auto")
	Mono<Rendering> assignAutomatically(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("reviewers", RequestBody.words(form.getFirst("reviewers")));
			body.put("perApplication", number(form.getFirst("perApplication")));
			return done(scenario, this.api.post("/api/v1/scenarios/" + scenario + "/review-assignments/auto", body,
					locale, SignInConfiguration.accessToken(client)), "assign", client, locale);
		});
	}

	@PostMapping("/workspace/desk/scenarios/{id}/award")
	Mono<Rendering> award(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		return exchange.getFormData().flatMap(form -> {
			List<String> chosen = form.get("applicationIds");
			Map<String, Object> body = Map.of("applicationIds", chosen == null ? List.of() : chosen);
			return done(scenario, this.api.post("/api/v1/scenarios/" + scenario + "/award", body, locale,
					SignInConfiguration.accessToken(client)), "award", client, locale);
		});
	}

	/** Upholds or dismisses an objection to the scenario's provisional award. */
	@PostMapping("/workspace/desk/scenarios/{id}/objections/{objectionId}/{decision}")
	Mono<Rendering> decideObjection(@PathVariable String id, @PathVariable String objectionId,
			@PathVariable String decision,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		if (!"uphold".equals(decision) && !"dismiss".equals(decision)) {
			throw PathIds.notFound();
		}
		return done(scenario, this.api.post("/api/v1/objections/" + PathIds.checked(objectionId) + "/" + decision, null,
				locale, SignInConfiguration.accessToken(client)), "objections", client, locale);
	}

	/** Schedules a milestone of an awarded application's pilot. */
	@PostMapping("/workspace/desk/scenarios/{id}/milestones")
	Mono<Rendering> scheduleMilestone(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String scenario = PathIds.checked(id);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = RequestBody.of()
				.text("applicationId", form.getFirst("applicationId"))
				.text("title", form.getFirst("title"))
				.text("dueOn", form.getFirst("dueOn"))
				.text("deliverable", form.getFirst("deliverable"))
				.toMap();
			return done(scenario, this.api.post("/api/v1/scenarios/" + scenario + "/milestones", body, locale,
					SignInConfiguration.accessToken(client)), "milestones", client, locale);
		});
	}

	private Mono<Rendering> done(String scenario, Mono<Map<String, Object>> call, String at,
			OAuth2AuthorizedClient client, Locale locale) {
		return call.thenReturn(Rendering.redirectTo("/workspace/desk/scenarios/" + scenario).build())
			.onErrorResume(ApiProblem.class,
					refused -> page(scenario, SignInConfiguration.accessToken(client), locale, refused, at));
	}

	private Mono<Rendering> page(String id, String token, Locale locale, ApiProblem problem, String problemAt) {
		String path = "/api/v1/scenarios/" + id;
		return this.api.get(path, Map.of(), locale, token).flatMap(scenario -> {
			Mono<Answer<Map<String, Object>>> applications = Answer.of(this.api.get("/api/v1/applications",
					Map.of("scenarioId", id, "limit", DeskController.LIMIT), locale, token));
			Mono<Answer<List<Map<String, Object>>>> assignments = Answer
				.of(this.api.list(path + "/review-assignments", locale, token));
			Mono<Answer<List<Map<String, Object>>>> ranking = Answer
				.of(this.api.list(path + "/ranking", locale, token));
			Mono<Answer<List<Map<String, Object>>>> history = Answer
				.of(this.api.list(path + "/history", locale, token));
			Mono<Answer<Map<String, Object>>> outcome = Answer
				.of(this.api.get(path + "/outcome", Map.of(), locale, token));
			return Mono.zip(applications, assignments, ranking, history, outcome).map(all -> {
				Rendering.Builder<?> view = Rendering.view("desk-scenario")
					.modelAttribute("scenario", scenario)
					.modelAttribute("applications", all.getT1())
					.modelAttribute("assignments", all.getT2())
					.modelAttribute("ranking", all.getT3())
					.modelAttribute("history", all.getT4())
					.modelAttribute("outcome", all.getT5())
					.modelAttribute("reload", "/workspace/desk/scenarios/" + id);
				ProblemShown.on(view, problem, problemAt);
				return view.build();
			});
		});
	}

	private Mono<Rendering> form(ScenarioForm form, ApiProblem refused, String token, Locale locale) {
		return Answer.of(this.api.get("/api/v1/programs", Map.of("limit", DeskController.LIMIT), locale, token))
			.map(programs -> {
				Rendering.Builder<?> view = Rendering.view("scenario-form")
					.modelAttribute("form", form)
					.modelAttribute("programs", programs)
					.modelAttribute("sectors", Vocabulary.SECTORS)
					.modelAttribute("categories", Vocabulary.CATEGORIES)
					.modelAttribute("criteria", List.of(0, 1, 2))
					.modelAttribute("fieldErrors", FieldErrors.of(refused));
				ProblemShown.on(view, refused, null);
				return view.build();
			});
	}

	private static String trimmed(String value) {
		return value == null ? null : value.trim();
	}

	private static Object number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException notANumber) {
			return value.trim();
		}
	}

}
