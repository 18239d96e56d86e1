package dev.scenariohub.console.workspace;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.scenariohub.console.api.ActionForm;
import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.ProblemShown;
import dev.scenariohub.console.api.RequestBody;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One enterprise: what it registered, its verification, its members (and adding one), the
 * open scenarios that match it with the reasons, and, for an officer, accepting a credit
 * code whose checksum fails. The API decides who sees and may do what.
 */
@Controller
public class EnterpriseController {

	static final String MATCHES = "10";

	private final GatewayApi api;

	public EnterpriseController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace/enterprises/{id}")
	Mono<Rendering> enterprise(@PathVariable String id,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(PathIds.checked(id), SignInConfiguration.accessToken(client), locale, null, null);
	}

	@PostMapping("/workspace/enterprises/{id}/members")
	Mono<Rendering> addMember(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String enterprise = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData()
			.flatMap(form -> done(enterprise,
					this.api.post("/api/v1/enterprises/" + enterprise + "/members",
							RequestBody.of().text("sub", form.getFirst("sub")).toMap(), locale, token),
					"members", token, locale));
	}

	@PostMapping("/workspace/enterprises/{id}/credit-code-override")
	Mono<Rendering> overrideCreditCode(@PathVariable String id, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String enterprise = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return done(enterprise, this.api.post("/api/v1/enterprises/" + enterprise + "/credit-code-override",
				form.reasonBody(), locale, token), "override", token, locale);
	}

	private Mono<Rendering> done(String enterprise, Mono<Map<String, Object>> call, String at, String token,
			Locale locale) {
		return call.thenReturn(Rendering.redirectTo("/workspace/enterprises/" + enterprise).build())
			.onErrorResume(ApiProblem.class, refused -> page(enterprise, token, locale, refused, at));
	}

	private Mono<Rendering> page(String id, String token, Locale locale, ApiProblem problem, String problemAt) {
		return this.api.get("/api/v1/enterprises/" + id, Map.of(), locale, token)
			.zipWith(Answer.of(this.api.list("/api/v1/matches",
					new TreeMap<>(Map.of("enterpriseId", id, "limit", MATCHES)), locale, token)))
			.map(both -> {
				Rendering.Builder<?> view = Rendering.view("enterprise")
					.modelAttribute("enterprise", both.getT1())
					.modelAttribute("matches", both.getT2())
					.modelAttribute("reload", "/workspace/enterprises/" + id);
				ProblemShown.on(view, problem, problemAt);
				return view.build();
			});
	}

}
