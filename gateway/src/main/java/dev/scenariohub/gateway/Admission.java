package dev.scenariohub.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sheds overload at the edge: at most {@code gateway.max-in-flight} requests of all
 * clients are being answered by this replica at once (a Resilience4j semaphore bulkhead
 * that does not wait); one more gets 503 problem+json with {@code Retry-After} at once,
 * before it reaches a service, so shedding never counts against a circuit breaker. The
 * live event streams are long-lived and not counted.
 */
@Component
public class Admission implements GlobalFilter, Ordered {

	/** The live event streams: the API's, and the console's relay of it to a browser. */
	static final Set<String> STREAMS = Set.of("/api/v1/notifications/stream", "/workspace/notifications/stream");

	private final Bulkhead inFlight;

	public Admission(@Value("${gateway.max-in-flight:1024}") int maxInFlight) {
		this.inFlight = Bulkhead.of("gateway-in-flight",
				BulkheadConfig.custom().maxConcurrentCalls(maxInFlight).maxWaitDuration(Duration.ZERO).build());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (STREAMS.contains(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		if (!this.inFlight.tryAcquirePermission()) {
			return overloaded(exchange);
		}
		return chain.filter(exchange).doFinally(signal -> this.inFlight.onComplete());
	}

	private Mono<Void> overloaded(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set("Retry-After", "1");
		byte[] body = ("{\"type\":\"https://scenariohub.dev/problems/overloaded\",\"title\":\"Overloaded\","
				+ "\"status\":503,\"detail\":\"The gateway is answering "
				+ this.inFlight.getBulkheadConfig().getMaxConcurrentCalls()
				+ " requests at once, its limit; retry after a second\"}")
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** Before the per-client limit, so a flood is turned away at the least cost. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

}
