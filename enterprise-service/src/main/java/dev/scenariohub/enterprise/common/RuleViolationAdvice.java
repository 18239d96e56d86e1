package dev.scenariohub.enterprise.common;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ProblemDetailsAdvice;
import dev.scenariohub.platform.web.ValidationProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/** Domain rule violations become problem documents: 404, 400 for invalid input, else 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleViolationAdvice {

	@ExceptionHandler(RuleViolation.class)
	Mono<ResponseEntity<Object>> rule(RuleViolation violation) {
		if ("not-found".equals(violation.code())) {
			return ProblemDetailsAdvice.render(new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found",
					violation.getMessage()));
		}
		if (violation.field() != null) {
			return ProblemDetailsAdvice.render(ValidationProblem.of(violation.field(), violation.getMessage()));
		}
		return ProblemDetailsAdvice.render(new ApiException(HttpStatus.CONFLICT, violation.code(),
				"Not allowed as things stand", violation.getMessage(), violation.details()));
	}
}
