package dev.scenariohub.gateway;

import dev.scenariohub.platform.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Real tokens, checked as the gateway checks every call: RS256 with a key from the
 * issuer's JWKS, from that issuer, meant for this API, not expired, naming a role. A
 * token of another issuer or for another audience, an expired one, one signed by a key
 * the issuer does not publish, an unsigned one ({@code alg: none}) and one that names no
 * roles are each refused with 401 before anything reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class TokenValidationTest {

	static final TestIssuer ISSUER = TestIssuer.start();

	/**
	 * enterprise-service, as far as this test needs it: it answers whatever reaches it.
	 */
	static final DisposableServer ENTERPRISES = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.route(request -> true,
				(request, response) -> response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"items\":[]}"))))
		.bindNow();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::url);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUrl);
		registry.add("ENTERPRISE_SERVICE_URL", () -> "http://127.0.0.1:" + ENTERPRISES.port());
	}

	@AfterAll
	static void stop() {
		ISSUER.close();
		ENTERPRISES.disposeNow();
	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = WebTestClient.bindToApplicationContext(context).build();
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.web.get()
			.uri("/api/v1/enterprises")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	@Test
	void aTokenOfTheIssuerSignedWithItsKeyIsLetThrough() {
		call(ISSUER.valid()).expectStatus().isOk();
	}

	@Test
	void everyOtherTokenIsRefusedBeforeAnyServiceSeesIt() {
		ISSUER.assertEveryForgedTokenRefused(this.web, "/api/v1/enterprises");
	}

}
