package dev.scenariohub.console.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A button's form for an action on something the page showed: the version it was at (sent
 * as {@code If-Match}) and, for actions that need one, the reason typed beside it.
 */
public record ActionForm(String version, String reason) {

	/** The body of an action that takes a reason; without one typed, the API says so. */
	public Map<String, Object> reasonBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		if (this.reason != null && !this.reason.isBlank()) {
			body.put("reason", this.reason.trim());
		}
		return body;
	}

}
