package dev.scenariohub.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which texts people can read as they are stored, as titles and as longer texts. */
class VisibleTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "Drone deliveries", "无人机配送", "AI+ 2026", "¥", "😀", "👩‍🔬 lab", "é", "x",
			"O'Brien & Söhne – R&D" })
	void titlesPeopleCanReadAreAccepted(String text) {
		assertThat(VisibleTextValidator.isVisible(text, false)).isTrue();
		assertThat(VisibleTextValidator.isVisible(text, true)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\u3000", "\u200B", "\u200B\u200D", "\u2800", "\u3164", "\u115F\u1160", "\uFFA0",
			"\u00A0\u2007", "\t" })
	void textWithNothingToSeeIsRefused(String text) {
		assertThat(VisibleTextValidator.isVisible(text, false)).isFalse();
		assertThat(VisibleTextValidator.isVisible(text, true)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Seam\u0000inspection", "bell\u0007", "esc\u001B[31m", "c1\u0085", "\u202Egnp.exe",
			"\u2066isolated\u2069", "lone \uD800 surrogate", "non\uFFFFcharacter", "non\uFDD0character" })
	void controlCharactersAndReorderingAreRefusedEverywhere(String text) {
		assertThat(VisibleTextValidator.isVisible(text, false)).isFalse();
		assertThat(VisibleTextValidator.isVisible(text, true)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Two\nlines", "Windows\r\nlines", "a\ttab", "line\u2028separator" })
	void lineBreaksAreForLongerTextsOnly(String text) {
		assertThat(VisibleTextValidator.isVisible(text, false)).isFalse();
		assertThat(VisibleTextValidator.isVisible(text, true)).isTrue();
	}

}
