package dev.scenariohub.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request through the gateway carries an {@code X-Request-Id}: the client's, when
 * it sent a sensible one (1–64 letters, digits, '-', '_', '.'), else a new UUID. The
 * service gets it, and so does the client in the response — also when the gateway itself
 * answers (refused, shed, rate-limited), so one id names one request in every log and
 * every support call.
 */
@Component
public class RequestIds implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = given != null && SENSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain
			.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id))).build());
	}

	/** Before security and everything else, so that every answer carries it. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
