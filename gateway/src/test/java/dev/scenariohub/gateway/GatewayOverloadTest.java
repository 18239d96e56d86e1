package dev.scenariohub.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * More requests at once than the gateway admits: the excess is turned away at once with
 * 503 and {@code Retry-After}, everything admitted is served, and the breaker never sees
 * the shedding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.max-in-flight=20", "gateway.rate-limit.requests=10000", "gateway.route-timeout=2s" })
class GatewayOverloadTest {

	static final int CLIENTS = 60;

	/** Answers every request after 500 ms, except for scenarios: never. */
	static final DisposableServer SLOW = SlowService.start(Duration.ofMillis(500), "/api/v1/scenarios");

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

	private final HttpClient clients = HttpClient
		.create(ConnectionProvider.builder("overload").maxConnections(CLIENTS).pendingAcquireMaxCount(-1).build())
		.responseTimeout(Duration.ofSeconds(30));

	record Answer(int status, String retryAfter, String contentType) {
	}

	private Mono<Answer> get(String path) {
		return this.clients.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map(text -> new Answer(response.status().code(), response.responseHeaders().get("Retry-After"),
						response.responseHeaders().get("Content-Type"))));
	}

	@Test
	void aServiceThatNeverAnswersGetsA503ProblemOnceTheRouteTimeOutHasPassedAndTheBreakerCountsIt() {
		CircuitBreaker breaker = this.breakers.circuitBreaker("scenario-service");
		long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
		long started = System.nanoTime();

		Answer answer = get("/api/v1/scenarios?limit=1").block(Duration.ofSeconds(20));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2),
				Duration.ofSeconds(6));
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
	}

	@Test
	void requestsBeyondTheInFlightLimitAreShedWith503AndRetryAfterWithoutOpeningTheBreaker() {
		CircuitBreaker breaker = this.breakers.circuitBreaker("scenario-service");
		long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
		List<Answer> answers = Flux.range(0, CLIENTS)
			.flatMap(i -> get("/api/v1/programs?limit=5"), CLIENTS)
			.collectList()
			.block(Duration.ofSeconds(60));

		Map<Integer, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		assertThat(statuses).as("status → count").containsOnlyKeys(200, 503);
		assertThat(statuses.get(200)).as("admitted").isBetween(20L, (long) CLIENTS - 1);
		assertThat(answers).filteredOn(a -> a.status() == 503)
			.allSatisfy(shed -> assertThat(shed.retryAfter()).isEqualTo("1"))
			.allSatisfy(shed -> assertThat(shed.contentType()).isEqualTo("application/problem+json"));
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("failures counted by the breaker")
			.isEqualTo(failedBefore);
		assertThat(get("/api/v1/programs").block(Duration.ofSeconds(10)).status()).as("once the burst is over")
			.isEqualTo(200);
	}

}
