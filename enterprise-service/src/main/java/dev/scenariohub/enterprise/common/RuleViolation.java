package dev.scenariohub.enterprise.common;

import java.util.Map;

/**
 * A command the domain's rules refuse as things stand; answered 409 with the code as problem
 * type (404 for {@code not-found}, 400 naming the field for invalid input).
 */
public class RuleViolation extends RuntimeException {

	private final String code;

	private final Map<String, Object> details;

	private final String field;

	public RuleViolation(String code, String message) {
		this(code, message, Map.of(), null);
	}

	public RuleViolation(String code, String message, Map<String, Object> details) {
		this(code, message, details, null);
	}

	private RuleViolation(String code, String message, Map<String, Object> details, String field) {
		super(message);
		this.code = code;
		this.details = details;
		this.field = field;
	}

	public static RuleViolation illegalTransition(Object currentStatus, String message) {
		return new RuleViolation("illegal-transition", message, Map.of("currentStatus", String.valueOf(currentStatus)));
	}

	public static RuleViolation invalid(String field, String message) {
		return new RuleViolation("validation", message, Map.of(), field);
	}

	public static RuleViolation notFound(String message) {
		return new RuleViolation("not-found", message);
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	public String field() {
		return this.field;
	}
}
