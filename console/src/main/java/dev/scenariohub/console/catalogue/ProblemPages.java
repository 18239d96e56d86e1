package dev.scenariohub.console.catalogue;

import java.util.Locale;

import dev.scenariohub.console.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A page of the problem the API answered, with the API's status, in the layout of every
 * page: its title and detail, never a stack trace.
 */
@ControllerAdvice
public class ProblemPages {

	@ExceptionHandler(ApiProblem.class)
	Mono<Rendering> problem(ApiProblem problem, Locale locale, ServerWebExchange exchange) {
		return PageDefaults.of(locale, exchange)
			.map(layout -> Rendering.view("problem")
				.model(layout)
				.modelAttribute("problem", problem)
				.status(HttpStatus.valueOf(problem.status()))
				.build());
	}

}
