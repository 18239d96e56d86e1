package dev.scenariohub.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.scenariohub.platform.test.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas with the limits kept in Redis: a client's budget is one across
 * both, not one per replica; and while Redis is away, requests are let through. Needs
 * Debian's {@code redis-server} (which {@code .ci/run} installs); skipped, saying so,
 * where it is absent.
 */
class SharedRateLimitTest {

	static final int BUDGET = 10;

	private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private LocalRedis redis;

	private DisposableServer service;

	@AfterEach
	void stop() throws InterruptedException {
		this.gateways.forEach(ConfigurableApplicationContext::close);
		if (this.service != null) {
			this.service.disposeNow();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void aClientsBudgetHoldsAcrossTwoReplicas() throws Exception {
		this.redis = LocalRedis.start("limits across replicas");
		this.service = SlowService.start(Duration.ZERO, null);
		for (int i = 0; i < 2; i++) {
			this.gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
					"--server.address=127.0.0.1", "--gateway.rate-limit.store=redis",
					"--spring.data.redis.url=" + this.redis.url(), "--gateway.rate-limit.requests=" + BUDGET,
					"--gateway.rate-limit.period=PT10S",
					"--SCENARIO_SERVICE_URL=http://127.0.0.1:" + this.service.port()));
		}

		Map<String, Integer> answers = new TreeMap<>();
		for (int i = 0; i < 2 * BUDGET; i++) {
			ConfigurableApplicationContext gateway = this.gateways.get(i % 2);
			int status = get(gateway.getEnvironment().getProperty("local.server.port"));
			answers.merge("replica " + (i % 2) + ": " + status, 1, Integer::sum);
		}

		int served = answers.getOrDefault("replica 0: 200", 0) + answers.getOrDefault("replica 1: 200", 0);
		// the bucket refills by one a second while the requests run
		assertThat(served).as("answers %s", answers).isBetween(BUDGET, BUDGET + 2);
		assertThat(answers).as("both replicas refuse once the shared budget is spent")
			.containsKeys("replica 0: 429", "replica 1: 429");

		this.redis.close();
		for (ConfigurableApplicationContext gateway : this.gateways) {
			assertThat(get(gateway.getEnvironment().getProperty("local.server.port")))
				.as("without Redis, requests are let through rather than refused")
				.isEqualTo(200);
		}
	}

	private static int get(String port) {
		return HttpClient.create()
			.get()
			.uri("http://127.0.0.1:" + port + "/api/v1/programs")
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code()))
				.defaultIfEmpty(response.status().code()))
			.block(Duration.ofSeconds(10));
	}

}
