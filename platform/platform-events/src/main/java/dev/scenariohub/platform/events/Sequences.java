package dev.scenariohub.platform.events;

/**
 * The CloudEvents {@code sequence} extension is a string that orders events when compared
 * as text. An aggregate's version is a number, so it travels zero-padded to a fixed
 * width: {@code "0000000000000000010"} sorts after {@code "0000000000000000009"}, where
 * {@code "10"} would sort before {@code "9"}. Readers take any decimal string (older
 * records carry unpadded ones).
 */
public final class Sequences {

	/** Digits of the largest {@code long}: every version fits. */
	public static final int WIDTH = 19;

	private Sequences() {
	}

	/** The sequence attribute of an aggregate's version. */
	public static String format(long version) {
		if (version < 0) {
			throw new IllegalArgumentException("a sequence is never negative: " + version);
		}
		String digits = Long.toString(version);
		return "0".repeat(WIDTH - digits.length()) + digits;
	}

	/**
	 * The version a sequence attribute carries, padded or not.
	 * @throws NumberFormatException when it is not a non-negative decimal number
	 */
	public static long parse(Object sequence) {
		String text = sequence.toString();
		if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new NumberFormatException("not a sequence: " + text);
		}
		return Long.parseLong(text);
	}

}
