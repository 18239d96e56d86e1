package dev.scenariohub.platform.web;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents, idempotent creates and the MongoDB ping health check, alike in every
 * service.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnBean(ReactiveMongoTemplate.class)
	MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	@Bean
	@ConditionalOnBean(ReactiveMongoTemplate.class)
	IdempotencyKeys idempotencyKeys(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock,
			@Value("${scenariohub.idempotency.ttl}") Duration ttl) {
		return new IdempotencyKeys(mongo, json, clock, ttl);
	}

	@Bean
	@ConditionalOnBean(IdempotencyKeys.class)
	IdempotencyIndex idempotencyIndex(IdempotencyKeys keys) {
		return new IdempotencyIndex(keys);
	}

	/** Creates the TTL index once the application is up. */
	static final class IdempotencyIndex {

		private final IdempotencyKeys keys;

		IdempotencyIndex(IdempotencyKeys keys) {
			this.keys = keys;
		}

		@EventListener(ApplicationReadyEvent.class)
		void ensure() {
			this.keys.ensureIndex()
				.subscribe(null,
						error -> LoggerFactory.getLogger(IdempotencyIndex.class)
							.warn("Could not create the idempotency-key TTL index; kept keys will not expire: {}",
									error.toString()));
		}

	}

}
