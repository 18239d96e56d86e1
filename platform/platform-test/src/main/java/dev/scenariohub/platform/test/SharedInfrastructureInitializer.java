package dev.scenariohub.platform.test;

import java.util.UUID;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring test context at the JVM's shared Kafka broker (when the application
 * exchanges events) and at a database of its own on the shared MongoDB server (so two
 * contexts of one JVM never see each other's documents), and records every query they
 * send ({@link RecordedQueries}).
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Present in every application that exchanges events (Spring Cloud Stream). */
	private static final String STREAM_BRIDGE = "org.springframework.cloud.stream.function.StreamBridge";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SharedInfrastructure infrastructure = SharedInfrastructure.get();
		String app = context.getEnvironment().getProperty("spring.application.name", "test");
		String database = app + "-" + UUID.randomUUID().toString().substring(0, 8);
		TestPropertyValues properties = TestPropertyValues.of("spring.mongodb.uri=" + infrastructure.mongoUri(""),
				"spring.mongodb.database=" + database);
		if (ClassUtils.isPresent(STREAM_BRIDGE, context.getClassLoader())) {
			// only applications that exchange events get (and so start) the broker
			properties = properties.and("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers());
		}
		properties.applyTo(context.getEnvironment());
		MongoClientSettingsBuilderCustomizer recordQueries = settings -> settings
			.addCommandListener(RecordedQueries.instance());
		context.getBeanFactory().registerSingleton("recordedQueriesCustomizer", recordQueries);
	}

}
