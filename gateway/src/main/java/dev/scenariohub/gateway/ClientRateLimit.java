package dev.scenariohub.gateway;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.security.Cidr;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits per client at the gateway (Resilience4j token buckets): a signed-in client
 * is counted by its token's subject, an anonymous one by its address. Behind a proxy the
 * address is the proxy's, so {@code gateway.rate-limit.trusted-proxies} (CIDRs, e.g. the
 * ingress controller's pod network) names the proxies whose {@code X-Forwarded-For} is
 * believed: the client is the right-most address in it that is not a trusted proxy. Over
 * the limit the answer is 429 problem+json with {@code Retry-After}. Limits are per
 * gateway replica unless {@code gateway.rate-limit.store=redis}: then every replica
 * counts against one budget per client in Redis ({@code spring.data.redis.url}).
 */
@Component
public class ClientRateLimit implements GlobalFilter, Ordered {

	static final int MAX_CLIENTS = 10_000;

	/** The key of the clients' budgets in Redis. */
	static final String BUDGETS = "gateway-clients";

	private final RateLimiterConfig config;

	private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
			return size() > MAX_CLIENTS;
		}
	};

	private final List<Cidr> trustedProxies;

	/** The budgets in Redis, shared by every replica; null: each replica counts alone. */
	private final RedisRateLimiter shared;

	public ClientRateLimit(@Value("${gateway.rate-limit.requests:2000}") int requests,
			@Value("${gateway.rate-limit.period:PT1S}") Duration period,
			@Value("${gateway.rate-limit.trusted-proxies:}") List<String> trustedProxies,
			@Value("${gateway.rate-limit.store:memory}") String store, ObjectProvider<RedisRateLimiter> redis) {
		this.trustedProxies = trustedProxies.stream()
			.map(String::trim)
			.filter(cidr -> !cidr.isEmpty())
			.map(Cidr::of)
			.toList();
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(requests)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.build();
		this.shared = switch (store) {
			case "memory" -> null;
			case "redis" -> sharedBudgets(redis.getObject(), requests, period);
			default ->
				throw new IllegalArgumentException("gateway.rate-limit.store must be memory or redis, not " + store);
		};
	}

	/**
	 * The same budget as a token bucket in Redis (Spring Cloud Gateway's
	 * {@link RedisRateLimiter}): {@code requests} at once, refilled at
	 * {@code requests / period} a second. Should Redis fail, it lets requests through.
	 */
	private static RedisRateLimiter sharedBudgets(RedisRateLimiter limiter, int requests, Duration period) {
		int perSecond = (int) Math.max(1, requests * 1000L / Math.max(1, period.toMillis()));
		limiter.getConfig()
			.put(BUDGETS,
					new RedisRateLimiter.Config().setBurstCapacity(requests)
						.setReplenishRate(perSecond)
						.setRequestedTokens(1));
		limiter.setIncludeHeaders(false);
		return limiter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.map(principal -> "sub:" + principal.getName())
			.defaultIfEmpty("ip:" + address(exchange))
			.flatMap(this::allowed)
			.flatMap(allowed -> allowed ? chain.filter(exchange) : tooMany(exchange));
	}

	private Mono<Boolean> allowed(String client) {
		if (this.shared == null) {
			return Mono.just(limiterOf(client).acquirePermission());
		}
		return this.shared.isAllowed(BUDGETS, client).map(response -> response.isAllowed());
	}

	private RateLimiter limiterOf(String client) {
		synchronized (this.limiters) {
			return this.limiters.computeIfAbsent(client, key -> RateLimiter.of(key, this.config));
		}
	}

	private String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		return clientAddress(peer, exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For"),
				this.trustedProxies);
	}

	/**
	 * The client's address: the peer, unless the peer is a trusted proxy — then the
	 * right-most hop of {@code X-Forwarded-For} that is not a trusted proxy (what is left
	 * of it the client may have written itself).
	 */
	static String clientAddress(String peer, List<String> forwardedFor, List<Cidr> trustedProxies) {
		if (!trusted(peer, trustedProxies)) {
			return peer;
		}
		List<String> hops = forwardedFor.stream()
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter(hop -> !hop.isEmpty())
			.toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!trusted(hops.get(i), trustedProxies)) {
				return hops.get(i);
			}
		}
		return hops.isEmpty() ? peer : hops.get(0);
	}

	private static boolean trusted(String address, List<Cidr> trustedProxies) {
		// only literal addresses are compared (a name would be looked up)
		return Cidr.literal(address)
			.map(literal -> trustedProxies.stream().anyMatch(proxy -> proxy.contains(literal)))
			.orElse(false);
	}

	private Mono<Void> tooMany(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders()
			.set("Retry-After", Long.toString(Math.max(1, this.config.getLimitRefreshPeriod().toSeconds())));
		byte[] body = ("{\"type\":\"https://scenariohub.dev/problems/too-many-requests\",\"title\":\"Too many requests\","
				+ "\"status\":429,\"detail\":\"Slow down: at most " + this.config.getLimitForPeriod() + " requests per "
				+ this.config.getLimitRefreshPeriod() + " per client\"}")
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
