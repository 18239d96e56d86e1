package dev.scenariohub.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shedding at the edge counts requests being answered, but not the live streams, which
 * stay open for as long as someone has a page open.
 */
class AdmissionTest {

	private static MockServerWebExchange get(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

	@Test
	void openStreamsDoNotTakeUpTheRequestsInFlightButAHeldRequestDoes() {
		Admission admission = new Admission(1);
		List<Disposable> open = List.of(
				admission.filter(get("/api/v1/notifications/stream"), exchange -> Mono.never()).subscribe(),
				admission.filter(get("/workspace/notifications/stream"), exchange -> Mono.never()).subscribe());

		MockServerWebExchange page = get("/scenarios");
		admission.filter(page, exchange -> Mono.empty()).block();
		assertThat(page.getResponse().getStatusCode()).as("two streams open, a page still answered").isNull();

		Disposable held = admission.filter(get("/api/v1/scenarios"), exchange -> Mono.never()).subscribe();
		MockServerWebExchange shed = get("/scenarios");
		admission.filter(shed, exchange -> Mono.empty()).block();
		assertThat(shed.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(shed.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");

		held.dispose();
		open.forEach(Disposable::dispose);
	}

}
