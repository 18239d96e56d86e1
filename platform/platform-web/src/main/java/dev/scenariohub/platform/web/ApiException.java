package dev.scenariohub.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused or must know about, answered as an RFC 9457 problem document
 * with a stable {@code type} URI. Domain code throws the subclasses; the shared handler
 * renders them.
 */
public class ApiException extends RuntimeException {

	public static final String TYPE_BASE = "https://scenariohub.dev/problems/";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final Map<String, Object> properties;

	public ApiException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, Map.of());
	}

	public ApiException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.properties = properties;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return URI.create(TYPE_BASE + this.slug);
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	public static ApiException conflict(String slug, String title, String detail) {
		return new ApiException(HttpStatus.CONFLICT, slug, title, detail);
	}

	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

	public static ApiException badRequest(String slug, String title, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

}
