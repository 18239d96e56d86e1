package dev.scenariohub.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors for stable cursor pagination: a cursor wraps the sort key of the last
 * item of a page; the next page starts strictly after it, so nothing is skipped or
 * repeated.
 */
public final class Cursors {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private Cursors() {
	}

	public static String encode(String lastKey) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("k:" + lastKey).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The key a cursor wraps, or null for the first page; a malformed cursor is a 400.
	 */
	public static String decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (raw.startsWith("k:") && raw.length() > 2 && raw.length() <= 200) {
				return raw.substring(2);
			}
		}
		catch (IllegalArgumentException ignored) {
			// falls through to the problem below
		}
		throw ApiException.badRequest("malformed-cursor", "Malformed cursor",
				"cursor must be a value returned in a previous page's next link");
	}

	/** A page size within bounds; out-of-range values are a 400, not silently clamped. */
	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw ApiException.badRequest("invalid-limit", "Invalid limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		return requested;
	}

}
