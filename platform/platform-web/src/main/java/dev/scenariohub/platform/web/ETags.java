package dev.scenariohub.platform.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of a resource is its aggregate
 * version, and updates state the version they saw in {@code If-Match}.
 */
public final class ETags {

	private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");

	private ETags() {
	}

	/** The strong ETag of a version, e.g. {@code "3"}. */
	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header names.
	 * @throws ApiException 428 when it is missing, 400 when it is not one of our ETags
	 */
	public static long requireIfMatch(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
					"Send the ETag you last read in an If-Match header, so that you cannot overwrite a change you have not seen");
		}
		var m = STRONG.matcher(ifMatch.trim());
		if (!m.matches()) {
			throw ApiException.badRequest("malformed-if-match", "Malformed If-Match",
					"If-Match must be a single ETag as returned by this API, e.g. \"3\"");
		}
		return Long.parseLong(m.group(1));
	}

	/**
	 * Checks an optional {@code If-Match} against the current version.
	 * @throws ApiException 412 when the client's version is stale
	 */
	public static void checkIfMatch(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		long expected = requireIfMatch(ifMatch);
		if (expected != currentVersion) {
			throw staleVersion(expected, currentVersion);
		}
	}

	public static ApiException staleVersion(long expected, long current) {
		return new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
				"The resource changed since you read it (you sent version %d, it is now %d); read it again"
					.formatted(expected, current),
				Map.of("currentVersion", current));
	}

}
