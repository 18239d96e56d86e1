package dev.scenariohub.enterprise.enterprise;

/**
 * The unified social credit code of GB 32100-2015: 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (values 0–30), the last one a check character
 * over the first 17 with weights {@code 3^i mod 31}.
 */
public final class CreditCode {

	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Why a code is not acceptable as it is. */
	public enum Problem {

		/** null, or not 18 characters. */
		WRONG_LENGTH,
		/**
		 * a character outside the alphabet (lower case included: codes are upper case).
		 */
		INVALID_CHARACTER,
		/**
		 * well-formed, but the last character is not the check character of the first 17.
		 */
		WRONG_CHECK_CHARACTER

	}

	private CreditCode() {
	}

	/**
	 * @return the problem with a code, or null when it is valid
	 */
	public static Problem problemWith(String code) {
		if (code == null || code.length() != 18) {
			return Problem.WRONG_LENGTH;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Problem.INVALID_CHARACTER;
			}
		}
		return code.charAt(17) == checkCharacter(code) ? null : Problem.WRONG_CHECK_CHARACTER;
	}

	public static boolean isValid(String code) {
		return problemWith(code) == null;
	}

	/** The check character for the first 17 characters of a well-formed code. */
	static char checkCharacter(String code) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

}
