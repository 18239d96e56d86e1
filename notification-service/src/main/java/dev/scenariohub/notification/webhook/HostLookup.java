package dev.scenariohub.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to all its addresses (blocking). The system resolver by default.
 */
@FunctionalInterface
public interface HostLookup {

	InetAddress[] addressesOf(String host) throws UnknownHostException;

	static HostLookup system() {
		return InetAddress::getAllByName;
	}

}
