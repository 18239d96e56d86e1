package dev.scenariohub.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two issuers behind one address, as the manifests deploy them: every step of a person's
 * sign-in (authorization code + PKCE) reaches the other replica than the step before, and
 * it still succeeds; after the first replica has stopped, the other still knows the
 * tokens it issued (introspection, revocation) and publishes the key they were signed
 * with.
 */
class TwoIssuersTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/scenariohub";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * The browser's cookies: cookies are per host, not per port, so both replicas get
	 * them.
	 */
	private final Map<String, String> cookies = new LinkedHashMap<>();

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@AfterEach
	void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.first,
				this.second }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void aSignInAlternatingBetweenTwoReplicasSucceedsAndItsTokensOutliveEitherReplica() throws Exception {
		String database = "identity-two-" + UUID.randomUUID().toString().substring(0, 8);
		String signingKey = TestKeys.pem();
		this.first = Issuers.start(database, signingKey);
		this.second = Issuers.start(database, signingKey);
		String a = Issuers.baseUrl(this.first);
		String b = Issuers.baseUrl(this.second);

		String verifier = "verifier-" + "y".repeat(50);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "scenariohub-console")
			.queryParam("scope", "openid api")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", "s-two")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();

		HttpResponse<String> toLogin = send(get(a + authorize));
		assertThat(toLogin.statusCode()).as("an unknown person is sent to sign in").isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");

		HttpResponse<String> loginPage = send(get(b + "/login"));
		assertThat(loginPage.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

		HttpResponse<String> signedIn = send(form(a + "/login", Map.of("username", "demo-enterprise-1", "password",
				"demo-enterprise-1-password", "_csrf", csrf.group(1))));
		assertThat(signedIn.statusCode()).as("the form from one replica is accepted by the other: %s", signedIn.body())
			.isEqualTo(302);
		String resumed = location(signedIn);
		assertThat(resumed).as("back to the authorization request the other replica kept")
			.contains("/oauth2/authorize");

		HttpResponse<String> toClient = send(get(b + pathAndQuery(resumed)));
		assertThat(toClient.statusCode()).isEqualTo(302);
		Map<String, String> query = UriComponentsBuilder.fromUriString(location(toClient))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(location(toClient)).startsWith(REDIRECT_URI);
		assertThat(query).containsEntry("state", "s-two").containsKey("code");

		HttpResponse<String> exchanged = send(
				form(a + "/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", "scenariohub-console",
						"code", decoded(query.get("code")), "redirect_uri", REDIRECT_URI, "code_verifier", verifier)));
		assertThat(exchanged.statusCode())
			.as("the code one replica issued is exchanged at the other: %s", exchanged.body())
			.isEqualTo(200);
		Map<String, Object> tokens = JSON.readValue(exchanged.body(), Map.class);
		assertThat(tokens).containsKeys("access_token", "id_token");
		String personal = (String) tokens.get("access_token");
		HttpResponse<String> machine = send(
				basic(form(a + "/oauth2/token", Map.of("grant_type", "client_credentials")), "demo-officer"));
		assertThat(machine.statusCode()).isEqualTo(200);
		String machineToken = (String) JSON.readValue(machine.body(), Map.class).get("access_token");

		this.first.close();
		this.first = null;

		for (String token : List.of(personal, machineToken)) {
			assertThat(introspect(b, token)).as("the other replica knows what the stopped one issued")
				.containsEntry("active", true);
		}
		HttpResponse<String> revoked = send(
				basic(form(b + "/oauth2/revoke", Map.of("token", machineToken)), "demo-officer"));
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(introspect(b, machineToken)).as("and can revoke it").containsEntry("active", false);

		JWKSet keys = JWKSet.parse(send(get(b + "/oauth2/jwks")).body());
		SignedJWT jwt = SignedJWT.parse(personal);
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the remaining replica publishes the key the token was signed with").isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-enterprise-1");
	}

	private Map<String, Object> introspect(String issuer, String token) throws Exception {
		HttpResponse<String> response = send(
				basic(form(issuer + "/oauth2/introspect", Map.of("token", token)), "demo-admin"));
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readValue(response.body(), Map.class);
	}

	/** The same request, authenticated as a demo machine client. */
	private static HttpRequest basic(HttpRequest request, String client) {
		String credentials = Base64.getEncoder()
			.encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(request, (name, value) -> true)
			.header("Authorization", "Basic " + credentials)
			.build();
	}

	private static String decoded(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
	}

	private static HttpRequest form(String url, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
			.timeout(Duration.ofSeconds(10));
		if (!this.cookies.isEmpty()) {
			withCookies.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = this.http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
		for (String setCookie : response.headers().allValues("Set-Cookie")) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			this.cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return response;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String pathAndQuery(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

}
