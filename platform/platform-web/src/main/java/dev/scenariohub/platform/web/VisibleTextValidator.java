package dev.scenariohub.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link VisibleText}. */
public class VisibleTextValidator implements ConstraintValidator<VisibleText, CharSequence> {

	private boolean multiline;

	@Override
	public void initialize(VisibleText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || isVisible(value.toString(), this.multiline);
	}

	/**
	 * Whether the text has a visible character and nothing that is not text.
	 * @param text the text
	 * @param multiline whether line breaks and tabs are allowed
	 * @return true when people can read it as it is stored
	 */
	public static boolean isVisible(String text, boolean multiline) {
		boolean visible = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (!allowed(c, multiline)) {
				return false;
			}
			visible |= visible(c);
		}
		return visible;
	}

	private static boolean allowed(int c, boolean multiline) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return multiline;
		}
		int type = Character.getType(c);
		if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
			return multiline;
		}
		boolean noncharacter = (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
		return type != Character.CONTROL && type != Character.SURROGATE && !noncharacter && !isBidiOverride(c);
	}

	/** Embeddings, overrides and isolates: U+202A–U+202E and U+2066–U+2069. */
	private static boolean isBidiOverride(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean visible(int c) {
		switch (c) {
			// letters and symbols that are drawn as blanks
			case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800 -> {
				return false;
			}
			default -> {
				int type = Character.getType(c);
				return Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER
						|| type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
						|| type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL
						|| type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
						|| type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
						|| type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
						|| type == Character.OTHER_PUNCTUATION;
			}
		}
	}

}
