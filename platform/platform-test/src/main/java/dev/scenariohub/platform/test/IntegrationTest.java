package dev.scenariohub.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service integration test: the whole application (HTTP through a mock server exchange)
 * against the JVM's shared real Kafka broker and MongoDB-protocol server (see
 * {@link SharedInfrastructure}). Tests that use the same configuration share one Spring
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
public @interface IntegrationTest {

}
