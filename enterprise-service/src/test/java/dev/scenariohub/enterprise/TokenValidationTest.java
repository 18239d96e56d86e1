package dev.scenariohub.enterprise;

import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Defence in depth: a service checks every token again, as the gateway does, with the
 * same shared configuration every service has (platform-security). A call that reached it
 * past the gateway with a token of another issuer or audience, an expired, forged,
 * unsigned or role-less one is refused with 401.
 */
@IntegrationTest
class TokenValidationTest {

	static final TestIssuer ISSUER = TestIssuer.start();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::url);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUrl);
	}

	@AfterAll
	static void stop() {
		ISSUER.close();
	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		// no mock token: the service's own decoder checks what is sent
		this.web = WebTestClient.bindToApplicationContext(context).build();
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.web.get()
			.uri("/api/v1/enterprises")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	@Test
	void aTokenOfTheIssuerIsAccepted() {
		call(ISSUER.valid()).expectStatus().isOk();
	}

	@Test
	void everyOtherTokenIsRefused() {
		ISSUER.assertEveryForgedTokenRefused(this.web, "/api/v1/enterprises");
	}

}
