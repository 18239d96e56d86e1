package dev.scenariohub.console.catalogue;

import java.util.Locale;

import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A page of the problem the API answered, with the API's status, in the layout of every
 * page: its title and detail, never a stack trace. One problem is not shown: when the API
 * refuses a signed-in person's access token because it has expired, the person signs in
 * again (silently, while the issuer still knows them) and comes back to the page.
 */
@ControllerAdvice
public class ProblemPages {

	private final ServerRequestCache requests = new WebSessionServerRequestCache();

	@ExceptionHandler(ApiProblem.class)
	Mono<Rendering> problem(ApiProblem problem, Locale locale, ServerWebExchange exchange) {
		if (problem.expiredToken()) {
			// back to this page after signing in again
			return this.requests.saveRequest(exchange)
				.thenReturn(Rendering.redirectTo("/oauth2/authorization/" + SignInConfiguration.REGISTRATION).build());
		}
		return PageDefaults.of(locale, exchange)
			.map(layout -> Rendering.view("problem")
				.model(layout)
				.modelAttribute("problem", problem)
				.status(HttpStatus.valueOf(problem.status()))
				.build());
	}

}
