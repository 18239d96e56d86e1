package dev.scenariohub.console.reviews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.ActionForm;
import dev.scenariohub.console.api.Answer;
import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.ProblemShown;
import dev.scenariohub.console.api.RequestBody;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A reviewer's assignment: the proposal, blind (the API sends no enterprise), the rubric
 * with each level's anchor, scoring every criterion with a comment, and recusal.
 */
@Controller
public class ReviewController {

	/** The form field of a criterion's score is this prefix and the criterion's key. */
	static final String SCORE = "score-";

	private final GatewayApi api;

	public ReviewController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace/reviews/{id}")
	Mono<Rendering> assignment(@PathVariable String id,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return page(PathIds.checked(id), SignInConfiguration.accessToken(client), locale, null, Map.of(), null);
	}

	/** Sends the scores chosen (one level per criterion) and the comment. */
	@PostMapping("/workspace/reviews/{id}/scores")
	Mono<Rendering> score(@PathVariable String id, ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String assignment = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> scores = scores(form);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("scores", scores);
			String comment = form.getFirst("comment");
			if (comment != null && !comment.isBlank()) {
				body.put("comment", comment.trim());
			}
			return this.api.post("/api/v1/reviews/assignments/" + assignment + "/scores", body, locale, token)
				.thenReturn(Rendering.redirectTo("/workspace/reviews/" + assignment).build())
				.onErrorResume(ApiProblem.class, refused -> page(assignment, token, locale, refused, scores, comment));
		});
	}

	@PostMapping("/workspace/reviews/{id}/recuse")
	Mono<Rendering> recuse(@PathVariable String id, @ModelAttribute ActionForm form,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String assignment = PathIds.checked(id);
		String token = SignInConfiguration.accessToken(client);
		return this.api.post("/api/v1/reviews/assignments/" + assignment + "/recuse", form.reasonBody(), locale, token)
			.thenReturn(Rendering.redirectTo("/workspace/reviews/" + assignment).build())
			.onErrorResume(ApiProblem.class, refused -> page(assignment, token, locale, refused, Map.of(), null));
	}

	/**
	 * The enterprises the reviewer declared ties to: never assigned their applications.
	 */
	@GetMapping("/workspace/affiliations")
	Mono<Rendering> affiliations(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return affiliationsPage(SignInConfiguration.accessToken(client), locale, null);
	}

	/** Replaces the declaration with the credit codes and enterprise ids typed. */
	@PostMapping("/workspace/affiliations")
	Mono<Rendering> declareAffiliations(ServerWebExchange exchange,
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = SignInConfiguration.accessToken(client);
		return exchange.getFormData().flatMap(form -> {
			Map<String, Object> body = RequestBody.of()
				.put("creditCodes", RequestBody.words(form.getFirst("creditCodes")))
				.put("enterpriseIds", RequestBody.words(form.getFirst("enterpriseIds")))
				.toMap();
			return this.api.send(HttpMethod.PUT, "/api/v1/reviewers/me/affiliations", body, null, locale, token)
				.thenReturn(Rendering.redirectTo("/workspace/affiliations").build())
				.onErrorResume(ApiProblem.class, refused -> affiliationsPage(token, locale, refused));
		});
	}

	private Mono<Rendering> affiliationsPage(String token, Locale locale, ApiProblem problem) {
		return Answer.of(this.api.get("/api/v1/reviewers/me/affiliations", Map.of(), locale, token)).map(declared -> {
			Rendering.Builder<?> view = Rendering.view("affiliations").modelAttribute("declared", declared);
			ProblemShown.on(view, problem, null);
			return view.build();
		});
	}

	/**
	 * The assignment among the reviewer's own (the API answers only those); the scores
	 * and comment as last sent, when the API refused them.
	 */
	private Mono<Rendering> page(String id, String token, Locale locale, ApiProblem problem, Map<String, Object> sent,
			String comment) {
		return this.api.list("/api/v1/reviews/assignments", locale, token).map(all -> {
			Map<String, Object> assignment = all.stream()
				.filter(one -> id.equals(one.get("assignmentId")))
				.findFirst()
				.orElseThrow(PathIds::notFound);
			Rendering.Builder<?> view = Rendering.view("review")
				.modelAttribute("assignment", assignment)
				.modelAttribute("chosen",
						sent.isEmpty() && assignment.get("scores") instanceof Map<?, ?> saved ? saved : sent)
				.modelAttribute("comment", comment != null ? comment : assignment.get("comment"))
				.modelAttribute("levels", List.of(0, 1, 2, 3, 4, 5))
				.modelAttribute("reload", "/workspace/reviews/" + id);
			ProblemShown.on(view, problem, null);
			return view.build();
		});
	}

	private static Map<String, Object> scores(MultiValueMap<String, String> form) {
		Map<String, Object> scores = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith(SCORE) && !values.isEmpty()) {
				String level = values.get(0);
				try {
					scores.put(name.substring(SCORE.length()), Integer.parseInt(level));
				}
				catch (NumberFormatException notALevel) {
					scores.put(name.substring(SCORE.length()), level);
				}
			}
		});
		return scores;
	}

}
