package dev.scenariohub.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of concurrent clients below the rate limit, against a service that takes a
 * moment to answer: every request is served, and the route's circuit breaker stays
 * closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.rate-limit.requests=10000", "gateway.rate-limit.period=PT1S" })
class GatewayBurstTest {

	static final int BURST = 200;

	/** Answers every request after 300 ms, as a busy but healthy service does. */
	static final DisposableServer SLOW = SlowService.start(Duration.ofMillis(300), null);

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		SlowService.routeEverythingTo(SLOW, registry);
	}

	@AfterAll
	static void stop() {
		SLOW.disposeNow();
	}

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	/**
	 * A client with a connection per concurrent request, as 200 separate clients would
	 * have.
	 */
	private final HttpClient clients = HttpClient
		.create(ConnectionProvider.builder("burst").maxConnections(BURST).pendingAcquireMaxCount(-1).build())
		.responseTimeout(Duration.ofSeconds(30));

	private Mono<Integer> get(String path) {
		return this.clients.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())));
	}

	@Test
	void aBurstBelowTheRateLimitGetsNo5xxAndLeavesTheBreakerClosed() {
		Map<Integer, Long> statuses = Flux.range(0, BURST)
			.flatMap(i -> get("/api/v1/programs?limit=5"), BURST)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.block(Duration.ofSeconds(60));
		assertThat(statuses).as("status → count").containsOnlyKeys(200).containsEntry(200, (long) BURST);
		CircuitBreaker breaker = this.breakers.circuitBreaker("scenario-service");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(get("/api/v1/programs").block(Duration.ofSeconds(10))).isEqualTo(200);
	}

}
