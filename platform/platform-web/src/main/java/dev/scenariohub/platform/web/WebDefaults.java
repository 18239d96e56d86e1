package dev.scenariohub.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults every service shares: strict JSON (unknown fields are an
 * error, so operator-looking keys such as {@code $gt} never slip through), bounded
 * request bodies, Kubernetes probes with a readiness group that includes MongoDB (by
 * ping) and the Kafka binder, Prometheus metrics, and no stack traces in any answer.
 */
public class WebDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", true);
		defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", true);
		defaults.put("spring.codec.max-in-memory-size", "256KB");
		defaults.put("server.error.include-stacktrace", "never");
		defaults.put("server.error.include-message", "never");
		defaults.put("management.health.mongo.enabled", false);
		defaults.put("management.endpoint.health.probes.enabled", true);
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongoPing,binders");
		defaults.put("management.endpoint.health.group.readiness.show-details", "always");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters");
		defaults.put("scenariohub.idempotency.ttl", "P1D");
		// an observation per security filter per request costs more CPU than most
		// handlers
		defaults.put("management.observations.enable.spring.security", "false");
		// tracing: the current span follows a request across Reactor's threads, and
		// nothing leaves the process unless an OTLP endpoint is configured
		// (MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT)
		defaults.put("spring.reactor.context-propagation", "auto");
		defaults.put("management.otlp.metrics.export.enabled", false);
		// every metric names its service, whatever labels the scrape adds (the
		// dashboards select on it)
		defaults.put("management.metrics.tags.application", "${spring.application.name}");
		// latency percentiles for dashboards and the latency alert
		defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", true);
		defaults.put("springdoc.api-docs.version", "openapi_3_1");
		defaults.put("springdoc.api-docs.path", "/v3/api-docs");
		defaults.put("springdoc.default-produces-media-type", "application/json");
		defaults.put("springdoc.writer-with-order-by-keys", true);
		environment.getPropertySources().addLast(new MapPropertySource("scenariohubWebDefaults", defaults));
	}

}
