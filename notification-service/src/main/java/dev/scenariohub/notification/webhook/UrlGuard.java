package dev.scenariohub.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ValidationProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs that would make this service call into its own network (SSRF):
 * every address the host resolves to must be public — not loopback, link-local (cloud
 * metadata lives there), private, unique-local, multicast or unspecified — unless
 * configuration allows loopback ({@code notifications.webhooks.allow-loopback}, for tests
 * and the local stack).
 */
@Component
public class UrlGuard {

	private final boolean allowLoopback;

	public UrlGuard(@Value("${notifications.webhooks.allow-loopback:false}") boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/** Blocking (name resolution): call off the event loop. */
	public URI check(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationProblem.of("url", "is not a URL");
		}
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getUserInfo() != null) {
			throw ValidationProblem.of("url", "must be an http(s) URL with a host and no credentials");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw ValidationProblem.of("url", "host " + uri.getHost() + " does not resolve");
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() && this.allowLoopback) {
				continue;
			}
			if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
					|| address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
				throw ApiException.badRequest("forbidden-webhook-target", "Forbidden webhook target",
						"url resolves to " + address.getHostAddress() + ", which is not a public address");
			}
		}
		return uri;
	}

	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
