package dev.scenariohub.gateway;

import java.util.List;

import dev.scenariohub.platform.security.Cidr;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who an anonymous client is, for its rate limit, behind proxies or not. */
class ClientAddressTest {

	static final List<Cidr> INGRESS = List.of(Cidr.of("10.0.0.0/8"), Cidr.of("fd00::/8"));

	@Test
	void behindATrustedProxyEachClientIsCountedByItsOwnAddress() {
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("203.0.113.7"), INGRESS)).isEqualTo("203.0.113.7");
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("198.51.100.4"), INGRESS))
			.isEqualTo("198.51.100.4");
		assertThat(ClientRateLimit.clientAddress("fd00::5", List.of("2001:4860::8888"), INGRESS))
			.isEqualTo("2001:4860::8888");
	}

	@Test
	void whatAClientWritesLeftOfTheProxiesIsNotBelieved() {
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("1.2.3.4, 203.0.113.7, 10.9.9.9"), INGRESS))
			.as("right-most hop that is not a trusted proxy")
			.isEqualTo("203.0.113.7");
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("1.2.3.4", "203.0.113.7"), INGRESS))
			.as("several headers are one list")
			.isEqualTo("203.0.113.7");
	}

	@Test
	void aPeerThatIsNotATrustedProxyIsTheClientWhateverItsHeadersSay() {
		assertThat(ClientRateLimit.clientAddress("203.0.113.7", List.of("1.2.3.4"), INGRESS)).isEqualTo("203.0.113.7");
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("1.2.3.4"), List.of()))
			.as("no trusted proxies configured")
			.isEqualTo("10.1.2.3");
	}

	@Test
	void namesInTheHeaderAreNeverLookedUp() {
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of("localhost"), INGRESS)).isEqualTo("localhost");
		assertThat(ClientRateLimit.clientAddress("10.1.2.3", List.of(), INGRESS)).isEqualTo("10.1.2.3");
	}

}
