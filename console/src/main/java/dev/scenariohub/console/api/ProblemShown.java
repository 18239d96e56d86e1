package dev.scenariohub.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * A page that shows a refusal: the problem (placed beside what caused it, {@code at},
 * when the page has several places for one) and the API's status as the page's own.
 */
public final class ProblemShown {

	private ProblemShown() {
	}

	/** The view as it is when there is no problem; else with the problem shown. */
	public static Rendering.Builder<?> on(Rendering.Builder<?> view, ApiProblem problem, String at) {
		if (problem == null) {
			return view;
		}
		view.modelAttribute("problem", problem).status(HttpStatus.valueOf(problem.status()));
		if (at != null) {
			view.modelAttribute("problemAt", at);
		}
		return view;
	}

}
