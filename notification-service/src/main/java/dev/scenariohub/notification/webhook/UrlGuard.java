package dev.scenariohub.notification.webhook;

import java.net.URI;
import java.net.UnknownHostException;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ValidationProblem;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs that would make this service call into its own network (SSRF): an
 * http(s) URL with a host and no credentials, every address of which
 * {@link WebhookTargets} allows. Deliveries check again when they connect.
 */
@Component
public class UrlGuard {

	private final WebhookTargets targets;

	public UrlGuard(WebhookTargets targets) {
		this.targets = targets;
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
		try {
			this.targets.vetted(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw ValidationProblem.of("url", "host " + uri.getHost() + " does not resolve");
		}
		catch (WebhookTargets.ForbiddenTarget ex) {
			throw ApiException.badRequest("forbidden-webhook-target", "Forbidden webhook target",
					"url resolves to " + ex.address() + ", which is not a public address");
		}
		return uri;
	}

}
