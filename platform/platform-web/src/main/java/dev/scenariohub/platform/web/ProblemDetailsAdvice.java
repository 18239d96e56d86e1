package dev.scenariohub.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error handler of every service: RFC 9457 {@code application/problem+json} with
 * a stable {@code type} URI, field-level {@code errors} for validation, never a stack
 * trace, and never a 500 for bad input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** One field-level validation error. */
	public record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(ApiException.class)
	Mono<ResponseEntity<Object>> api(ApiException ex, ServerWebExchange exchange) {
		return render(ex);
	}

	/**
	 * The problem document of an {@link ApiException}, for handlers of a service's own
	 * exceptions.
	 */
	public static Mono<ResponseEntity<Object>> render(ApiException ex) {
		ProblemDetail problem = problem(ex.status(), ex.type(), ex.title(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(NotFound.class)
	Mono<ResponseEntity<Object>> notFound(NotFound ex) {
		return render(new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	@ExceptionHandler(RuleViolation.class)
	Mono<ResponseEntity<Object>> rule(RuleViolation violation) {
		if (violation.field() != null) {
			return render(ValidationProblem.of(violation.field(), violation.getMessage()));
		}
		return render(new ApiException(HttpStatus.CONFLICT, violation.code(), "Not allowed as things stand",
				violation.getMessage(), violation.details()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Mono<ResponseEntity<Object>> concurrent(OptimisticLockingFailureException ex) {
		return respond(problem(HttpStatus.CONFLICT, type("concurrent-modification"), "Concurrent modification",
				"Someone else changed this resource at the same moment; read it again and retry"));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	Mono<ResponseEntity<Object>> duplicate(DuplicateKeyException ex) {
		return respond(problem(HttpStatus.CONFLICT, type("duplicate"), "Already exists",
				"A resource with the same unique values already exists"));
	}

	/**
	 * A store that did not answer — a connection closed under the call, no server found
	 * in time — is 503 to retry later, not a failure of the service; anything else the
	 * store refuses is unexpected.
	 */
	@ExceptionHandler(DataAccessException.class)
	Mono<ResponseEntity<Object>> store(DataAccessException ex, ServerWebExchange exchange) {
		if (!storeUnavailable(ex)) {
			return unexpected(ex, exchange);
		}
		log.warn("The store did not answer {} {}: {}", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), ex.getMostSpecificCause().toString());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, type("service-unavailable"),
				"Service unavailable",
				"The service's store did not answer; retry later (a write you sent may or may not have been"
						+ " applied: retry with the same Idempotency-Key, or read the resource again before an"
						+ " update)");
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem));
	}

	private static boolean storeUnavailable(DataAccessException ex) {
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException) {
			return true;
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoSocketException || cause instanceof MongoConnectionPoolClearedException
					|| cause instanceof MongoTimeoutException) {
				return true;
			}
		}
		return false;
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
		log.error("Unexpected failure handling {} {}", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, type("internal-error"), "Internal error",
				"The request could not be completed; it has been logged"));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type("validation"), "Invalid request",
				"The request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof DataBufferLimitException) {
				return respond(bodyTooLarge());
			}
			if (cause instanceof JacksonException jackson) {
				return respond(unreadable(jackson));
			}
			cause = cause.getCause();
		}
		String detail = ex.getReason() != null ? ex.getReason() : "The request could not be read";
		return respond(problem(HttpStatus.BAD_REQUEST, type("bad-request"), "Bad request", detail));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		// some exceptions (a body over the size limit among them) come without a body:
		// their
		// own problem is then the one to complete
		Object given = body == null && ex instanceof ErrorResponse error ? error.getBody() : body;
		if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return respond(bodyTooLarge());
		}
		if (given instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType()))) {
				problem.setType(type(slugOf(status)));
			}
			if (problem.getDetail() == null) {
				problem.setDetail(problem.getTitle());
			}
			return respond(problem);
		}
		return super.handleExceptionInternal(ex, body, headers, status, exchange);
	}

	/** One problem for a body over the limit, wherever the limit was hit. */
	private static ProblemDetail bodyTooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, type("body-too-large"), "Body too large",
				"The request body exceeds the size this endpoint accepts");
	}

	private ProblemDetail unreadable(JacksonException ex) {
		String field = null;
		String message;
		if (ex instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			field = path(databind);
		}
		if (ex instanceof UnrecognizedPropertyException unknown) {
			message = "unknown field '" + unknown.getPropertyName() + "'";
		}
		else if (ex instanceof InvalidFormatException invalid) {
			Class<?> target = invalid.getTargetType();
			message = target != null && target.isEnum()
					? "'" + invalid.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants())
					: "'" + invalid.getValue() + "' is not a valid "
							+ (target == null ? "value" : target.getSimpleName());
		}
		else if (ex instanceof DatabindException) {
			message = "has the wrong type or shape";
		}
		else {
			message = "is not well-formed JSON";
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type("malformed-body"), "Malformed request body",
				field == null ? "The request body " + message : "Field '" + field + "' " + message);
		if (field != null) {
			problem.setProperty("errors", List.of(new FieldProblem(field, message)));
		}
		return problem;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String slugOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
	}

	static URI type(String slug) {
		return URI.create(ApiException.TYPE_BASE + slug);
	}

	static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static Mono<ResponseEntity<Object>> respond(ProblemDetail problem) {
		return Mono.just(ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem));
	}

}
