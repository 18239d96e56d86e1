package dev.scenariohub.console.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem's field errors by the field they name ({@code contact.email},
 * {@code rubric[0].weight}), for a form to show each beside its field. Several errors of
 * one field are shown together.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(ApiProblem problem) {
		Map<String, String> byField = new LinkedHashMap<>();
		if (problem != null) {
			problem.errors()
				.forEach(error -> byField.merge(String.valueOf(error.get("field")),
						String.valueOf(error.get("message")), (first, second) -> first + "; " + second));
		}
		return byField;
	}

}
