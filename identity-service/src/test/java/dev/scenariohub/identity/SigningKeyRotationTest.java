package dev.scenariohub.identity;

import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A key rotation: the issuer signs with the new key and still publishes the previous one,
 * so tokens signed before the rotation keep verifying until they expire.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SigningKeyRotationTest {

	static final String CURRENT = TestKeys.pem();

	static final String PREVIOUS = TestKeys.pem();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("identity.signing-key", () -> CURRENT);
		registry.add("identity.previous-signing-key", () -> PREVIOUS);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void tokensAreSignedWithTheCurrentKeyAndTheJwksStillCarriesThePreviousOne() throws Exception {
		JWKSet published = JWKSet
			.parse(this.mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString());
		RSAKey current = SigningKeys.load(CURRENT);
		RSAKey previous = SigningKeys.load(PREVIOUS);
		assertThat(published.getKeys()).extracting(key -> key.getKeyID())
			.containsExactlyInAnyOrder(current.getKeyID(), previous.getKeyID());
		assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

		Map<?, ?> response = JsonMapper.builder()
			.build()
			.readValue(this.mvc
				.perform(post("/oauth2/token").with(httpBasic("demo-officer", "demo-officer-secret"))
					.param("grant_type", "client_credentials"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), Map.class);
		SignedJWT token = SignedJWT.parse((String) response.get("access_token"));
		assertThat(token.getHeader().getKeyID()).isEqualTo(current.getKeyID());
		assertThat(token.verify(new RSASSAVerifier(current.toRSAPublicKey()))).isTrue();
	}

}
