package dev.scenariohub.platform.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencesTest {

	@Test
	void sequencesCompareAsTextTheWayVersionsCompareAsNumbers() {
		assertThat(Sequences.format(10)).isGreaterThan(Sequences.format(9));
		assertThat(Sequences.format(Long.MAX_VALUE)).hasSize(Sequences.WIDTH)
			.isGreaterThan(Sequences.format(Long.MAX_VALUE - 1));
		assertThat(Sequences.format(2)).isEqualTo("0000000000000000002");
	}

	@Test
	void readersTakePaddedAndUnpaddedSequencesAndNothingElse() {
		assertThat(Sequences.parse("0000000000000000002")).isEqualTo(2);
		assertThat(Sequences.parse("2")).isEqualTo(2);
		assertThatThrownBy(() -> Sequences.parse("-1")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> Sequences.parse("")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> Sequences.parse("2.0")).isInstanceOf(NumberFormatException.class);
	}

}
