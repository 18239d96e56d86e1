package dev.scenariohub.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * scenario-service's integration tests: one shared context, a clock the tests move, and
 * no background chronograph (tests tick it themselves).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(ScenarioServiceIntegrationTest.Clocks.class)
@TestPropertySource(properties = "scenarios.chronograph.interval=PT0S")
public @interface ScenarioServiceIntegrationTest {

	/** The clock of the application under test. */
	@TestConfiguration
	class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.now());
		}

	}

}
