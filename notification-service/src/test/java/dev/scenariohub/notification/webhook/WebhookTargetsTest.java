package dev.scenariohub.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With loopback refused (as in production), a webhook host is checked when it is
 * registered and again when a delivery connects: a name that resolved to a public address
 * at registration and to this machine later (DNS rebinding) gets nothing sent. Names
 * under {@code .rebind.test} resolve to what the test says.
 */
@IntegrationTest
@TestPropertySource(properties = "notifications.webhooks.allow-loopback=false")
@Import(WebhookTargetsTest.Names.class)
class WebhookTargetsTest {

	static final Map<String, InetAddress[]> NAMES = new ConcurrentHashMap<>();

	@TestConfiguration
	static class Names {

		@Bean
		HostLookup hostLookup() {
			return host -> host.endsWith(".rebind.test") ? NAMES.get(host) : InetAddress.getAllByName(host);
		}

	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private static InetAddress[] address(String ip) throws UnknownHostException {
		return new InetAddress[] { InetAddress.getByName(ip) };
	}

	@Test
	void registrationRefusesHostsThatResolveToMetadataOrTranslatedPrivateAddresses() throws UnknownHostException {
		WebTestClient owner = ApiClients.as(this.web, "targets-owner-1", "enterprise");
		for (String ip : List.of("100.100.100.200", "169.254.169.254", "64:ff9b::a9fe:a9fe", "127.0.0.1")) {
			String host = "h" + Math.abs(ip.hashCode()) + ".rebind.test";
			NAMES.put(host, address(ip));
			owner.post()
				.uri("/api/v1/webhooks")
				.bodyValue(Map.of("url", "https://" + host + "/hooks", "eventTypes",
						List.of("dev.scenariohub.enterprise.verified.v1")))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://scenariohub.dev/problems/forbidden-webhook-target");
		}
	}

	@Test
	void aHostThatLaterResolvesToThisMachineGetsNothing() throws UnknownHostException {
		AtomicInteger received = new AtomicInteger();
		DisposableServer local = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			received.incrementAndGet();
			return response.status(204).send();
		}).bindNow();
		try {
			WebTestClient owner = ApiClients.as(this.web, "targets-owner-2", "enterprise");
			NAMES.put("hooks.rebind.test", address("93.184.216.34"));
			Map<String, Object> hook = owner.post()
				.uri("/api/v1/webhooks")
				.bodyValue(Map.of("url", "http://hooks.rebind.test:" + local.port() + "/hooks", "eventTypes",
						List.of("dev.scenariohub.enterprise.verified.v1")))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();

			NAMES.put("hooks.rebind.test", address("127.0.0.1"));
			owner.post().uri("/api/v1/webhooks/{id}/ping", hook.get("id")).exchange().expectStatus().isAccepted();

			await().atMost(Duration.ofSeconds(20))
				.until(() -> WebhookApi.deliveries(owner, hook.get("id"))
					.stream()
					.anyMatch(d -> String.valueOf(d.get("lastError")).contains("not a public address")));
			assertThat(received).as("requests that reached this machine").hasValue(0);
			assertThat(WebhookApi.deliveries(owner, hook.get("id"))).extracting(d -> d.get("status"))
				.doesNotContain("DELIVERED");
		}
		finally {
			local.disposeNow();
		}
	}

}
