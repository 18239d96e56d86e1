package dev.scenariohub.platform.web;

import java.util.function.Supplier;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * When a service's store does not answer (a connection closed under it, no server found
 * in time), the client is told to retry later — 503 with {@code Retry-After} — not that
 * the service failed (500): the request was fine, and a retry with the same
 * Idempotency-Key (or after reading again) is what it should do.
 */
class StoreUnavailableTest {

	@RestController
	static class Failing {

		@PostMapping("/things/{how}")
		Mono<String> create(@PathVariable String how) {
			Supplier<RuntimeException> failure = switch (how) {
				case "socket" -> () -> new DataAccessResourceFailureException("Prematurely reached end of stream",
						new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress()));
				case "pool-cleared" -> () -> new UncategorizedMongoDbException(
						"Connection pool is paused because another operation failed",
						new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()),
								new MongoSocketReadException("Exception receiving message", new ServerAddress())));
				case "no-server" -> () -> new DataAccessResourceFailureException("Timed out",
						new MongoTimeoutException("Timed out while waiting for a server"));
				default -> throw new IllegalArgumentException(how);
			};
			return Mono.error(failure.get());
		}

		@PostMapping("/broken")
		Mono<String> broken() {
			return Mono.error(new IllegalStateException("a bug"));
		}

	}

	private final WebTestClient web = WebTestClient.bindToController(new Failing())
		.controllerAdvice(new ProblemDetailsAdvice())
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "socket", "pool-cleared", "no-server" })
	void aStoreThatDoesNotAnswerIsA503ToRetryLater(String how) {
		this.web.post()
			.uri("/things/" + how)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/service-unavailable")
			.jsonPath("$.detail")
			.value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("Idempotency-Key"));
	}

	@org.junit.jupiter.api.Test
	void aBugIsStillA500() {
		this.web.post().uri("/broken").exchange().expectStatus().isEqualTo(500);
	}

}
