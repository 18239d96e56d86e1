package dev.scenariohub.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.scenariohub.platform.test.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two issuer replicas with their sign-in and token budgets in Redis: guessing a client's
 * secret by turns at both replicas gets no more tries than at one; and while Redis is
 * away, requests are let through rather than refused. Needs Debian's {@code redis-server}
 * (which {@code .ci/run} installs); skipped, saying so, where it is absent.
 */
class SharedSignInThrottleTest {

	static final int BUDGET = 4;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<ConfigurableApplicationContext> issuers = new ArrayList<>();

	private LocalRedis redis;

	@AfterEach
	void stop() throws InterruptedException {
		this.issuers.forEach(ConfigurableApplicationContext::close);
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void guessingAClientsSecretAtTwoReplicasGetsNoMoreTriesThanAtOne() throws Exception {
		this.redis = LocalRedis.start("sign-in limits across replicas");
		String database = "identity-throttle-" + UUID.randomUUID().toString().substring(0, 8);
		String signingKey = TestKeys.pem();
		for (int i = 0; i < 2; i++) {
			this.issuers.add(Issuers.start(database, signingKey, "--identity.throttle.store=redis",
					"--spring.data.redis.url=" + this.redis.url(), "--identity.throttle.token-per-client=" + BUDGET,
					"--identity.throttle.period=PT1M"));
		}

		Map<String, Integer> answers = new TreeMap<>();
		for (int attempt = 0; attempt < 3 * BUDGET; attempt++) {
			int status = token(this.issuers.get(attempt % 2), "guess-" + attempt).statusCode();
			answers.merge("replica " + (attempt % 2) + ": " + status, 1, Integer::sum);
		}
		assertThat(answers).as("answers %s", answers)
			.containsEntry("replica 0: 401", BUDGET / 2)
			.containsEntry("replica 1: 401", BUDGET / 2)
			.containsEntry("replica 0: 429", BUDGET)
			.containsEntry("replica 1: 429", BUDGET);
		assertThat(token(this.issuers.get(0), "demo-admin-secret").statusCode())
			.as("the right secret waits too, once the budget is spent")
			.isEqualTo(429);

		this.redis.close();
		for (ConfigurableApplicationContext issuer : this.issuers) {
			assertThat(token(issuer, "demo-admin-secret").statusCode())
				.as("without Redis, requests are let through rather than refused")
				.isEqualTo(200);
		}
	}

	private HttpResponse<String> token(ConfigurableApplicationContext issuer, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString(("demo-admin:" + secret).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(Issuers.baseUrl(issuer) + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
