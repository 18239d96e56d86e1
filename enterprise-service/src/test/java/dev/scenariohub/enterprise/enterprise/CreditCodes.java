package dev.scenariohub.enterprise.enterprise;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid unified social credit codes for tests: a random body with its computed check
 * character.
 */
public final class CreditCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	/** A valid code, most likely not used before. */
	public static String fresh() {
		StringBuilder body = new StringBuilder("91440101");
		while (body.length() < 17) {
			body.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return body.append(ALPHABET.charAt(check == 31 ? 0 : check)).toString();
	}

}
