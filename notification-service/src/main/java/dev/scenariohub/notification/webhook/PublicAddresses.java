package dev.scenariohub.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import dev.scenariohub.platform.security.Cidr;

/**
 * Whether an address is on the public internet, so that a webhook may be called there.
 * Refused: every special-purpose range of the IANA registries for IPv4 and IPv6 — this
 * host, private networks, shared address space (100.64.0.0/10, where some clouds keep
 * their metadata service), loopback, link-local (169.254.169.254), benchmarking,
 * documentation, multicast, reserved — and IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16,
 * Teredo 2001::/32), which are judged by the address they carry or refused.
 */
public final class PublicAddresses {

	private static final List<Cidr> NOT_PUBLIC_V4 = List
		.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
				"192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
				"192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
				"224.0.0.0/4", "240.0.0.0/4")
		.stream()
		.map(Cidr::of)
		.toList();

	private static final List<Cidr> NOT_PUBLIC_V6 = List
		.of("::/127", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10",
				"fec0::/10", "ff00::/8")
		.stream()
		.map(Cidr::of)
		.toList();

	/**
	 * Forms that carry an IPv4 address in their last (or, for 6to4, second) 32 bits.
	 * (Java turns a parsed IPv4-mapped address into an IPv4 one; an address built from
	 * its bytes stays IPv6.)
	 */
	private static final Cidr MAPPED = new Cidr(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0 }, 96);

	private static final Cidr COMPATIBLE = Cidr.of("::/96");

	private static final Cidr NAT64 = Cidr.of("64:ff9b::/96");

	private static final Cidr NAT64_LOCAL = Cidr.of("64:ff9b:1::/48");

	private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");

	private PublicAddresses() {
	}

	public static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return NOT_PUBLIC_V4.stream().noneMatch(range -> range.contains(bytes));
		}
		if (!(address instanceof Inet6Address)) {
			return false;
		}
		if (NAT64_LOCAL.contains(bytes)) {
			return false;
		}
		if (MAPPED.contains(bytes) || COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
			return isPublicV4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return isPublicV4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return NOT_PUBLIC_V6.stream().noneMatch(range -> range.contains(bytes));
	}

	private static boolean isPublicV4(byte[] v4) {
		try {
			return isPublic(InetAddress.getByAddress(v4));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
