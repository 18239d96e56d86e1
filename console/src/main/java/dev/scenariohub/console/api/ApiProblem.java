package dev.scenariohub.console.api;

import java.util.List;
import java.util.Map;

/**
 * An answer of the API that is not a success, as its problem document (RFC 9457) says, so
 * that a page can show its title and detail beside what caused it.
 */
public class ApiProblem extends RuntimeException {

	private final int status;

	private final String type;

	private final String title;

	private final String detail;

	private final List<Map<String, Object>> errors;

	public ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
		super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.detail = detail;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
	}

	public int status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

	/** Whether the API did not answer at all. */
	public boolean unreachable() {
		return GatewayApi.UNREACHABLE.equals(this.type);
	}

	/** Field-level problems of a validation failure ({@code field}, {@code message}). */
	public List<Map<String, Object>> errors() {
		return this.errors;
	}

}
