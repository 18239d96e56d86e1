package dev.scenariohub.enterprise.enterprise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

	@Test
	void acceptsAValidCode() {
		assertThat(CreditCode.problemWith("91430111MA4L41YT1U")).isNull();
		assertThat(CreditCode.isValid("91440101MA59UT2X6L")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'Z', 'S', 'V', '-', ' ' })
	void refusesEveryCharacterOutsideTheAlphabet(char bad) {
		String code = "91430111MA4L41YT1U".substring(0, 5) + bad + "91430111MA4L41YT1U".substring(6);
		assertThat(CreditCode.problemWith(code)).isEqualTo(CreditCode.Problem.INVALID_CHARACTER);
	}

	@Test
	void refusesAWrongCheckCharacter() {
		assertThat(CreditCode.problemWith("91430111MA4L41YT1T")).isEqualTo(CreditCode.Problem.WRONG_CHECK_CHARACTER);
		assertThat(CreditCode.problemWith("91430111MA4L41YT10")).isEqualTo(CreditCode.Problem.WRONG_CHECK_CHARACTER);
	}

	@Test
	void refusesLowerCase() {
		assertThat(CreditCode.problemWith("91430111ma4l41yt1u")).isEqualTo(CreditCode.Problem.INVALID_CHARACTER);
	}

	@Test
	void refusesWrongLengths() {
		assertThat(CreditCode.problemWith(null)).isEqualTo(CreditCode.Problem.WRONG_LENGTH);
		assertThat(CreditCode.problemWith("")).isEqualTo(CreditCode.Problem.WRONG_LENGTH);
		assertThat(CreditCode.problemWith("91430111MA4L41YT1")).isEqualTo(CreditCode.Problem.WRONG_LENGTH);
		assertThat(CreditCode.problemWith("91430111MA4L41YT1UU")).isEqualTo(CreditCode.Problem.WRONG_LENGTH);
	}

	@Test
	void aCheckValueOf31IsWrittenAsZero() {
		// find a 17-character body whose weighted sum is 0 mod 31: all zeros
		assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
		assertThat(CreditCode.isValid("000000000000000000")).isTrue();
	}

}
