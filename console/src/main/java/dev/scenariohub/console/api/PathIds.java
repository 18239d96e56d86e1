package dev.scenariohub.console.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ids taken from a page's address, checked before they become part of an API path: one
 * that could not be an id is not found, and never reaches the API as something else.
 */
public final class PathIds {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private PathIds() {
	}

	/** The id, or a not-found problem when it cannot be one. */
	public static String checked(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw notFound();
		}
		return id;
	}

	/** The problem of an address the console has no page for. */
	public static ApiProblem notFound() {
		return new ApiProblem(404, "https://scenariohub.dev/problems/not-found", null, null, List.of());
	}

	/** Whether the value could be an id. */
	public static boolean plausible(Object id) {
		return id instanceof String text && ID.matcher(text).matches();
	}

}
