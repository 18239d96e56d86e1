package dev.scenariohub.identity;

import dev.scenariohub.platform.test.SharedInfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing passwords and client secrets is slowed down: after a few attempts for one user
 * (or client) from one address, further ones are refused with 429 and {@code Retry-After}
 * before they are checked, while other users and other addresses go on.
 */
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
@SpringBootTest(properties = { "identity.throttle.login-per-user=3", "identity.throttle.login-per-address=5",
		"identity.throttle.token-per-client=4" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SignInThrottleTest {

	@Autowired
	MockMvc mvc;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MockHttpServletRequestBuilder signIn(String user, String password, String address) {
		return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
	}

	@Test
	void guessingOnePasswordIsRefusedAfterAFewAttemptsWhileOthersSignIn() throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			this.mvc.perform(signIn("demo-officer", "guess-" + attempt, "203.0.113.7"))
				.andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(signIn("demo-officer", "demo-officer-password", "203.0.113.7"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(jsonPath("$.type").value("https://scenariohub.dev/problems/too-many-attempts"));
		this.mvc.perform(signIn("demo-officer", "demo-officer-password", "198.51.100.9"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("error"))));
		this.mvc.perform(signIn("demo-admin", "wrong", "203.0.113.7")).andExpect(status().is3xxRedirection());
		this.mvc.perform(signIn("demo-reviewer-1", "wrong", "203.0.113.7")).andExpect(status().isTooManyRequests());
		this.mvc.perform(get("/login").with(from("203.0.113.7"))).andExpect(status().isOk());
	}

	@Test
	void guessingOneClientsSecretIsRefusedAfterAFewAttempts() throws Exception {
		for (int attempt = 0; attempt < 4; attempt++) {
			this.mvc
				.perform(post("/oauth2/token").with(httpBasic("demo-admin", "guess-" + attempt))
					.param("grant_type", "client_credentials")
					.with(from("203.0.113.8")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc
			.perform(post("/oauth2/token").with(httpBasic("demo-admin", "demo-admin-secret"))
				.param("grant_type", "client_credentials")
				.with(from("203.0.113.8")))
			.andExpect(status().isTooManyRequests());
		this.mvc
			.perform(post("/oauth2/token").with(httpBasic("demo-officer", "demo-officer-secret"))
				.param("grant_type", "client_credentials")
				.with(from("203.0.113.8")))
			.andExpect(status().isOk());
	}

}
