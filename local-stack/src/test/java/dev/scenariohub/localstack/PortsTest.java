package dev.scenariohub.localstack;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ports chosen for parts that listen a little later lie outside the range outgoing
 * connections take their local ports from, so no client's connection can take one first.
 */
class PortsTest {

	@Test
	void aFreePortIsOneNoOutgoingConnectionIsGiven() {
		Set<Integer> chosen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			int port = Ports.free();
			assertThat(port).isBetween(Ports.LOWEST, Ports.ephemeralRangeStart() - 1);
			assertThat(Ports.isFree(port)).isTrue();
			chosen.add(port);
		}
		assertThat(chosen).as("spread out, not one port again and again").hasSizeGreaterThan(10);
	}

	/**
	 * A stack asks for a dozen ports before any part binds one: two parts given the same
	 * port would have one answering in the other's place.
	 */
	@Test
	void noPortIsGivenTwice() {
		Set<Integer> chosen = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			assertThat(chosen.add(Ports.free())).as("port given twice, after %d others", i).isTrue();
		}
	}

}
