package dev.scenariohub.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
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
 * issuer's JWKS, from that issuer, meant for this API, not expired. A token of another
 * issuer or for another audience, an expired one, one signed by a key the issuer does not
 * publish, an unsigned one ({@code alg: none}) and one that names no roles are each
 * refused with 401 before anything reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class TokenValidationTest {

	static final RSAKey ISSUER_KEY = key("issuer-key");

	static final RSAKey OTHER_KEY = key("other-key");

	/** The issuer: its JWKS publishes its own key only. */
	static final DisposableServer ISSUER = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/oauth2/jwks",
				(request, response) -> response.header("Content-Type", "application/json")
					.sendString(Mono.just(new JWKSet(ISSUER_KEY.toPublicJWK()).toString()))))
		.bindNow();

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

	static String issuer() {
		return "http://127.0.0.1:" + ISSUER.port();
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TokenValidationTest::issuer);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer() + "/oauth2/jwks");
		registry.add("ENTERPRISE_SERVICE_URL", () -> "http://127.0.0.1:" + ENTERPRISES.port());
	}

	@AfterAll
	static void stop() {
		ISSUER.disposeNow();
		ENTERPRISES.disposeNow();
	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = WebTestClient.bindToApplicationContext(context).build();
	}

	private static RSAKey key(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(String issuer, Instant expires) {
		return claims(issuer, expires, List.of("demo-officer", "scenariohub-api"));
	}

	private static JWTClaimsSet claims(String issuer, Instant expires, List<String> audience) {
		return new JWTClaimsSet.Builder(withoutRoles(issuer, expires, audience)).claim("roles", List.of("officer"))
			.build();
	}

	private static JWTClaimsSet withoutRoles(String issuer, Instant expires, List<String> audience) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject("demo-officer")
			.issueTime(Date.from(expires.minusSeconds(1800)))
			.expirationTime(Date.from(expires))
			.build();
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.web.get()
			.uri("/api/v1/enterprises")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	@Test
	void aTokenOfTheIssuerSignedWithItsKeyIsLetThrough() throws JOSEException {
		call(signed(ISSUER_KEY, claims(issuer(), Instant.now().plusSeconds(600)))).expectStatus().isOk();
	}

	@Test
	void everyOtherTokenIsRefusedBeforeAnyServiceSeesIt() throws JOSEException {
		Instant later = Instant.now().plusSeconds(600);
		Map<String, String> refused = Map.of("another issuer", signed(ISSUER_KEY, claims("http://evil.test", later)),
				"meant for another audience",
				signed(ISSUER_KEY, claims(issuer(), later, List.of("demo-officer", "another-api"))), "expired",
				signed(ISSUER_KEY, claims(issuer(), Instant.now().minusSeconds(600))),
				"signed by a key the issuer does not publish", signed(OTHER_KEY, claims(issuer(), later)),
				"a key id the issuer publishes, signed by another key",
				signed(new RSAKey.Builder(OTHER_KEY).keyID(ISSUER_KEY.getKeyID()).build(), claims(issuer(), later)),
				"unsigned (alg: none)", new PlainJWT(claims(issuer(), later)).serialize(), "not a token at all",
				"not-a-token", "without roles",
				signed(ISSUER_KEY, withoutRoles(issuer(), later, List.of("demo-officer", "scenariohub-api"))),
				"with an empty list of roles",
				signed(ISSUER_KEY,
						new JWTClaimsSet.Builder(
								withoutRoles(issuer(), later, List.of("demo-officer", "scenariohub-api")))
							.claim("roles", List.of())
							.build()));
		refused.forEach((what, token) -> call(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					challenge -> org.assertj.core.api.Assertions.assertThat(challenge).as(what).startsWith("Bearer")));
	}

}
