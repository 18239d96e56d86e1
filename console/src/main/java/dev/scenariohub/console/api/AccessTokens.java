package dev.scenariohub.console.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console reads in an access token the issuer gave it: only when it expires (the
 * {@code exp} claim of the JWT), to tell an expired token from a refused one. The API
 * verifies tokens; the console never trusts a token for anything else.
 */
final class AccessTokens {

	/** How long before its expiry a token counts as expired, for clocks that differ. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

	private AccessTokens() {
	}

	/**
	 * Whether a JWT has expired; false for anything that is not a JWT with {@code exp}.
	 */
	static boolean expired(String token) {
		if (token == null) {
			return false;
		}
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return false;
		}
		try {
			String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
			Matcher exp = EXP.matcher(claims);
			return exp.find()
					&& Instant.ofEpochSecond(Long.parseLong(exp.group(1))).minus(CLOCK_SKEW).isBefore(Instant.now());
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

}
