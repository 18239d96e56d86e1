package dev.scenariohub.platform.test;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
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
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issuer for token-validation tests: it publishes its own key at {@code /oauth2/jwks},
 * signs real RS256 tokens for the API, and forges the tokens the gateway and every
 * service must refuse.
 */
public final class TestIssuer implements AutoCloseable {

	/** The audience every access token for the API names. */
	public static final String API_AUDIENCE = "scenariohub-api";

	private final RSAKey key = generated("issuer-key");

	private final RSAKey otherKey = generated("other-key");

	private final DisposableServer server;

	private TestIssuer() {
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.get("/oauth2/jwks",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(jwks))))
			.bindNow();
	}

	public static TestIssuer start() {
		return new TestIssuer();
	}

	/** The issuer URL tokens name in {@code iss}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public String jwksUrl() {
		return url() + "/oauth2/jwks";
	}

	/** A token this issuer signed for the API: an officer's, valid for ten minutes. */
	public String valid() {
		return signed(this.key, claims(url(), Instant.now().plusSeconds(600), List.of("demo-officer", API_AUDIENCE),
				List.of("officer")));
	}

	/** Every kind of token to refuse with 401, by what is wrong with it. */
	public Map<String, String> refused() {
		Instant later = Instant.now().plusSeconds(600);
		List<String> audience = List.of("demo-officer", API_AUDIENCE);
		List<String> roles = List.of("officer");
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("another issuer", signed(this.key, claims("http://evil.test", later, audience, roles)));
		refused.put("meant for another audience",
				signed(this.key, claims(url(), later, List.of("demo-officer", "another-api"), roles)));
		refused.put("expired", signed(this.key, claims(url(), Instant.now().minusSeconds(600), audience, roles)));
		refused.put("signed by a key the issuer does not publish",
				signed(this.otherKey, claims(url(), later, audience, roles)));
		refused.put("a key id the issuer publishes, signed by another key",
				signed(new RSAKey.Builder(this.otherKey).keyID(this.key.getKeyID()).build(),
						claims(url(), later, audience, roles)));
		refused.put("unsigned (alg: none)", new PlainJWT(claims(url(), later, audience, roles)).serialize());
		refused.put("not a token at all", "not-a-token");
		refused.put("without roles", signed(this.key, claims(url(), later, audience, null)));
		refused.put("with an empty list of roles", signed(this.key, claims(url(), later, audience, List.of())));
		return refused;
	}

	/**
	 * Asserts that an application, called at {@code path} with each token of
	 * {@link #refused()}, answers 401 with a {@code Bearer} challenge.
	 */
	public void assertEveryForgedTokenRefused(WebTestClient web, String path) {
		refused().forEach((what, token) -> web.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).as(what).startsWith("Bearer")));
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private static JWTClaimsSet claims(String issuer, Instant expires, List<String> audience, List<String> roles) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject("demo-officer")
			.issueTime(Date.from(expires.minusSeconds(1800)))
			.expirationTime(Date.from(expires));
		if (roles != null) {
			claims.claim("roles", roles);
		}
		return claims.build();
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generated(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
