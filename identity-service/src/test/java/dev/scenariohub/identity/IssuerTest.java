package dev.scenariohub.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.scenariohub.platform.test.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class IssuerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	private Map<String, Object> json(MvcResult result) throws Exception {
		return JSON.readValue(result.getResponse().getContentAsString(), Map.class);
	}

	private SignedJWT verified(String token) throws Exception {
		JWKSet keys = JWKSet
			.parse(this.mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString());
		SignedJWT jwt = SignedJWT.parse(token);
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's key is published in the JWKS").isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).as("RS256 signature").isTrue();
		return jwt;
	}

	@Test
	void publishesOpenIdDiscoveryWithItsIssuerAndKeys() throws Exception {
		Map<String, Object> discovery = json(
				this.mvc.perform(get("/.well-known/openid-configuration")).andExpect(status().isOk()).andReturn());
		assertThat(discovery.get("issuer")).isEqualTo("http://localhost:9000");
		assertThat(discovery.get("jwks_uri")).isEqualTo("http://localhost:9000/oauth2/jwks");
		assertThat((List<String>) discovery.get("grant_types_supported")).contains("client_credentials",
				"authorization_code");
	}

	@Test
	void aMachineClientGetsASignedTokenCarryingItsRoles() throws Exception {
		Map<String, Object> response = json(this.mvc
			.perform(post("/oauth2/token").with(httpBasic("demo-officer", "demo-officer-secret"))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isOk())
			.andReturn());
		SignedJWT jwt = verified((String) response.get("access_token"));
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-officer");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:9000");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("officer");
		assertThat(jwt.getJWTClaimsSet().getAudience()).as("meant for the API").contains("scenariohub-api");
	}

	@Test
	void aWrongSecretGetsNoToken() throws Exception {
		this.mvc
			.perform(post("/oauth2/token").with(httpBasic("demo-officer", "guess"))
				.param("grant_type", "client_credentials"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aPersonSignsInWithAuthorizationCodeAndPkce() throws Exception {
		String verifier = "verifier-" + "x".repeat(50);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirectUri = "http://localhost:8080/login/oauth2/code/scenariohub";
		// the authorization server reads GET parameters from the query string only
		URI authorizeUri = UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "scenariohub-console")
			.queryParam("scope", "openid api")
			.queryParam("redirect_uri", redirectUri)
			.queryParam("state", "s-1")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUri();
		MvcResult toLogin = this.mvc.perform(get(authorizeUri).accept("text/html"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Cookie session = toLogin.getResponse().getCookie("SCENARIOHUB_SIGNIN");
		assertThat(session).as("the sign-in session's cookie").isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		MvcResult signedIn = this.mvc
			.perform(post("/login").cookie(session)
				.with(csrf())
				.param("username", "demo-enterprise-1")
				.param("password", "demo-enterprise-1-password"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Cookie renewed = signedIn.getResponse().getCookie("SCENARIOHUB_SIGNIN");
		assertThat(renewed).as("signing in gives the session a new id").isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(session.getValue());
		String location = this.mvc.perform(get(authorizeUri).cookie(renewed).accept("text/html"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith(redirectUri);
		Map<String, String> query = UriComponentsBuilder.fromUri(URI.create(location))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(query).containsEntry("state", "s-1").containsKey("code");

		Map<String, Object> tokens = json(this.mvc
			.perform(post("/oauth2/token").param("grant_type", "authorization_code")
				.param("client_id", "scenariohub-console")
				.param("code", query.get("code"))
				.param("redirect_uri", redirectUri)
				.param("code_verifier", verifier))
			.andExpect(status().isOk())
			.andReturn());
		SignedJWT access = verified((String) tokens.get("access_token"));
		assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo("demo-enterprise-1");
		assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("enterprise");
		assertThat(tokens).containsKey("id_token");
	}

	@Test
	void aCodeRequestWithoutPkceIsRefused() throws Exception {
		MvcResult result = this.mvc
			.perform(get(UriComponentsBuilder.fromPath("/oauth2/authorize")
				.queryParam("response_type", "code")
				.queryParam("client_id", "scenariohub-console")
				.queryParam("scope", "openid")
				.queryParam("redirect_uri", "http://localhost:8080/login/oauth2/code/scenariohub")
				.queryParam("state", "s-2")
				.encode()
				.build()
				.toUri()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).contains("error=invalid_request");
	}

}
