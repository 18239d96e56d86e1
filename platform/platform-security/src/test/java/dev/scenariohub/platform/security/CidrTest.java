package dev.scenariohub.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

	@Test
	void containsTheAddressesOfItsNetworkOnly() {
		Cidr shared = Cidr.of("100.64.0.0/10");
		assertThat(shared.contains(Cidr.literal("100.100.100.200").orElseThrow())).isTrue();
		assertThat(shared.contains(Cidr.literal("100.128.0.1").orElseThrow())).isFalse();
		assertThat(Cidr.of("fc00::/7").contains(Cidr.literal("fd12::1").orElseThrow())).isTrue();
		assertThat(Cidr.of("fc00::/7").contains(Cidr.literal("fe00::1").orElseThrow())).isFalse();
		assertThat(Cidr.of("10.0.0.0/8").contains(Cidr.literal("::1").orElseThrow())).as("another family").isFalse();
		assertThat(Cidr.of("192.0.2.7").contains(Cidr.literal("192.0.2.7").orElseThrow())).isTrue();
	}

	@Test
	void onlyLiteralAddressesAreParsedNeverNames() {
		assertThat(Cidr.literal("localhost")).isEmpty();
		assertThat(Cidr.literal("fade")).isEmpty();
		assertThat(Cidr.literal("fa.de")).isEmpty();
		assertThat(Cidr.literal("1.2.3.4")).isPresent();
		assertThat(Cidr.literal("2001:db8::1")).isPresent();
		assertThatThrownBy(() -> Cidr.of("example.org/8")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Cidr.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
	}

}
