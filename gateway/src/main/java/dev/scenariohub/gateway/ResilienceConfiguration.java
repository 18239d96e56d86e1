package dev.scenariohub.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per route (named after the service): a failing service answers 503
 * problem documents quickly instead of tying up clients. A call's time limit is the HTTP
 * client's {@code response-timeout} ({@code gateway.route-timeout}); the breaker counts
 * the time-outs.
 */
@Configuration
public class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers() {
		return factory -> factory.configureDefault(
				id -> new Resilience4JConfigBuilder(id)
					.circuitBreakerConfig(CircuitBreakerConfig.custom()
						.slidingWindowSize(20)
						.minimumNumberOfCalls(10)
						.failureRateThreshold(50)
						.waitDurationInOpenState(Duration.ofSeconds(10))
						.build())
					.build());
	}

}
