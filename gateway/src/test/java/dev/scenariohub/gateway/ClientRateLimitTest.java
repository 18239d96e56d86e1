package dev.scenariohub.gateway;

import dev.scenariohub.platform.test.ApiClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Each client gets its own budget of requests; past it, 429 problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "gateway.rate-limit.requests=3", "gateway.rate-limit.period=PT1M" })
class ClientRateLimitTest {

	static final DisposableServer STUB = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.route(request -> true,
				(request, response) -> response.header("Content-Type", "application/json").sendString(Mono.just("{}"))))
		.bindNow();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("SCENARIO_SERVICE_URL", () -> "http://127.0.0.1:" + STUB.port());
	}

	@AfterAll
	static void stop() {
		STUB.disposeNow();
	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Test
	void aClientOverItsLimitGets429WhileOthersGoOn() {
		WebTestClient greedy = ApiClients.as(this.web, "greedy", "officer");
		for (int i = 0; i < 3; i++) {
			greedy.get().uri("/api/v1/scenarios").exchange().expectStatus().isOk();
		}
		greedy.get()
			.uri("/api/v1/scenarios")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After");
		ApiClients.as(this.web, "patient", "officer").get().uri("/api/v1/scenarios").exchange().expectStatus().isOk();
	}

}
