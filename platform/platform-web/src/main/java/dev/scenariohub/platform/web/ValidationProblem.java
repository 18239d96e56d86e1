package dev.scenariohub.platform.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * A 400 for a rule that spans fields or needs a look-up, in the same shape as Bean
 * Validation errors.
 */
public final class ValidationProblem {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private ValidationProblem() {
	}

	public static ApiException of(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has 1 invalid field(s)",
				Map.of("errors", List.of(new ProblemDetailsAdvice.FieldProblem(field, message))));
	}

	/**
	 * Ids we issue are 24 hex characters; anything else is refused before it reaches a
	 * query.
	 */
	public static String requireId(String name, String value) {
		if (value == null || !OBJECT_ID.matcher(value).matches()) {
			throw of(name, "is not a valid id");
		}
		return value;
	}

}
