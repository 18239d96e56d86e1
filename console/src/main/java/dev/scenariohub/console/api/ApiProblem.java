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

	private final boolean expiredToken;

	public ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
		this(status, type, title, detail, errors, false);
	}

	private ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors,
			boolean expiredToken) {
		super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.detail = detail;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
		this.expiredToken = expiredToken;
	}

	/** The same problem, known to answer an access token that had expired. */
	ApiProblem ofExpiredToken() {
		return new ApiProblem(this.status, this.type, this.title, this.detail, this.errors, true);
	}

	/**
	 * Whether the API refused the person's access token because it had expired: signing
	 * in again cures it.
	 */
	public boolean expiredToken() {
		return this.expiredToken;
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
