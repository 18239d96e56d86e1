package dev.scenariohub.platform.web;

import java.util.Map;

/**
 * A command the domain's rules refuse as things stand (an illegal transition, an
 * exhausted pool, a conflict of interest). Plain Java, so aggregates can throw it; the
 * shared handler answers 409 with the {@code code} as problem type and the details as
 * problem properties, and 400 naming the field for invalid input. A missing resource is
 * {@link NotFound}, not a rule violation.
 */
public class RuleViolation extends RuntimeException {

	private final String code;

	private final Map<String, Object> details;

	private final String field;

	public RuleViolation(String code, String message) {
		this(code, message, Map.of());
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

	/**
	 * Invalid input that only the whole aggregate can tell (answered 400, naming the
	 * field).
	 */
	public static RuleViolation invalid(String field, String message) {
		return new RuleViolation("validation", message, Map.of(), field);
	}

	/**
	 * The field at fault for invalid input, or null for a conflict with the current
	 * state.
	 */
	public String field() {
		return this.field;
	}

	/** An illegal lifecycle transition; names the current status. */
	public static RuleViolation illegalTransition(Object currentStatus, String message) {
		return new RuleViolation("illegal-transition", message, Map.of("currentStatus", String.valueOf(currentStatus)));
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
