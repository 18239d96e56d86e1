package dev.scenariohub.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), and
 * whether an address is in it.
 */
public record Cidr(byte[] network, int prefix) {

	/** Dotted IPv4, or IPv6 (a colon never occurs in a host name). */
	private static final Pattern LITERAL = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}:[0-9a-fA-F:.]{1,43}");

	public Cidr {
		if (prefix < 0 || prefix > network.length * 8) {
			throw new IllegalArgumentException("prefix " + prefix + " does not fit the address");
		}
		network = network.clone();
	}

	/** {@code address/prefix}; a bare address is a network of one. */
	public static Cidr of(String cidr) {
		String[] parts = cidr.trim().split("/", 2);
		InetAddress address = literal(parts[0])
			.orElseThrow(() -> new IllegalArgumentException(cidr + " is not an address in CIDR notation"));
		byte[] bytes = address.getAddress();
		return new Cidr(bytes, parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8);
	}

	/** An address written as digits, never a name to look up. */
	public static Optional<InetAddress> literal(String text) {
		if (text == null || !LITERAL.matcher(text).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(text));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	public boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	public boolean contains(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		int full = this.prefix / 8;
		if (!Arrays.equals(address, 0, full, this.network, 0, full)) {
			return false;
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[full] & mask) == (this.network[full] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr that && this.prefix == that.prefix && Arrays.equals(this.network, that.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefix;
	}

	@Override
	public String toString() {
		return literalOf(this.network) + "/" + this.prefix;
	}

	private static String literalOf(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return Arrays.toString(bytes);
		}
	}

}
