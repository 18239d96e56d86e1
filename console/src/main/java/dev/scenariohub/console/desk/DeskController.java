package dev.scenariohub.console.desk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.scenariohub.console.api.ActionForm;
import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.FieldErrors;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.ProblemShown;
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
import reactor.core.publisher.Mono;

/**
 * The officer's desk: programs with their pools (total, reserved, remaining), scenarios
 * in every state, and the enterprises waiting to be verified, with verifying and
 * rejecting them. What the API refuses is shown beside the enterprise it was about.
 */
@Controller
public class DeskController {

	static final String LIMIT = "50";

	private final GatewayApi api;

	public DeskController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace/desk")
	Mono<Rendering> desk(@RequestParam(required = false) String status,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(status, SignInConfiguration.accessToken(client), locale, null, null);
	}

	@PostMapping("/workspace/desk/enterprises/{id}/verify")
	Mono<Rendering> verify(@PathVariable String id, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return decide(id, "verify", null, form.version(), client, locale);
	}

	@PostMapping("/workspace/desk/enterprises/{id}/reject")
	Mono<Rendering> reject(@PathVariable String id, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return decide(id, "reject", form.reasonBody(), form.version(), client, locale);
	}

	@GetMapping("/workspace/desk/programs/new")
	Rendering newProgram() {
		return programForm(ProgramForm.empty(), null);
	}

	@PostMapping("/workspace/desk/programs")
	Mono<Rendering> createProgram(@ModelAttribute ProgramForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api
			.create("/api/v1/programs", form.toRequest(), form.idempotencyKey(), locale,
					SignInConfiguration.accessToken(client))
			.thenReturn(Rendering.redirectTo("/workspace/desk").build())
			.onErrorResume(ApiProblem.class, refused -> Mono.just(programForm(form, refused)));
	}

	private Mono<Rendering> decide(String id, String decision, Map<String, Object> body, String version,
			OAuth2AuthorizedClient client, Locale locale) {
		String enterprise = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return this.api
			.send(HttpMethod.POST, "/api/v1/enterprises/" + enterprise + "/" + decision, body, version, locale, token)
			.thenReturn(Rendering.redirectTo("/workspace/desk").build())
			.onErrorResume(ApiProblem.class, refused -> page(null, token, locale, refused, enterprise));
	}

	private Mono<Rendering> page(String status, String token, Locale locale, ApiProblem problem, String problemAt) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("limit", LIMIT);
		query.put("status", status != null && Vocabulary.SCENARIO_STATUSES.contains(status) ? status : null);
		Mono<Answer<Map<String, Object>>> programs = Answer
			.of(this.api.get("/api/v1/programs", Map.of("limit", LIMIT), locale, token));
		Mono<Answer<Map<String, Object>>> scenarios = Answer
			.of(this.api.get("/api/v1/scenarios", query, locale, token));
		Mono<Answer<Map<String, Object>>> pending = Answer.of(this.api.get("/api/v1/enterprises",
				new TreeMap<>(Map.of("status", "PENDING", "limit", LIMIT)), locale, token));
		return Mono.zip(programs, scenarios, pending).map(all -> {
			Rendering.Builder<?> view = Rendering.view("desk")
				.modelAttribute("programs", all.getT1())
				.modelAttribute("scenarios", all.getT2())
				.modelAttribute("pending", all.getT3())
				.modelAttribute("statuses", Vocabulary.SCENARIO_STATUSES)
				.modelAttribute("status", query.get("status"))
				.modelAttribute("reload", "/workspace/desk");
			ProblemShown.on(view, problem, problemAt);
			return view.build();
		});
	}

	private static Rendering programForm(ProgramForm form, ApiProblem refused) {
		Rendering.Builder<?> view = Rendering.view("program-form")
			.modelAttribute("form", form)
			.modelAttribute("fieldErrors", FieldErrors.of(refused));
		ProblemShown.on(view, refused, null);
		return view.build();
	}

}
