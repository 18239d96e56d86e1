package dev.scenariohub.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "0.1.2.3", "10.1.2.3", "100.64.0.1", "100.100.100.200", "127.0.0.1",
			"127.255.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.10", "192.88.99.1",
			"192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
			"239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1", "::ffff:127.0.0.1", "::ffff:a9fe:a9fe",
			"64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::808:808", "2002:7f00:1::1", "2002:a00:1::1", "2001::1",
			"2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "100::1" })
	void refusesEveryNonPublicRangeAndEveryFormThatCarriesOne(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.32.0.1",
			"198.20.0.1", "2606:4700:4700::1111", "2a00:1450:4001:81b::200e", "64:ff9b::808:808", "2002:808:808::1",
			"::ffff:8.8.8.8" })
	void allowsPublicAddresses(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254" })
	void anIpv4MappedAddressBuiltFromItsBytesIsJudgedByTheIpv4AddressItCarries(String address)
			throws UnknownHostException {
		byte[] v4 = InetAddress.getByName(address).getAddress();
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(v4, 0, mapped, 12, 4);
		assertThat(PublicAddresses.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
	}

}
