package dev.scenariohub.platform.test;

import java.util.UUID;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the JVM's shared Kafka broker and at a database of its
 * own on the shared MongoDB server (so two contexts of one JVM never see each other's
 * documents), and records every query they send ({@link RecordedQueries}).
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SharedInfrastructure infrastructure = SharedInfrastructure.get();
		String app = context.getEnvironment().getProperty("spring.application.name", "test");
		String database = app + "-" + UUID.randomUUID().toString().substring(0, 8);
		TestPropertyValues
			.of("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					"spring.mongodb.uri=" + infrastructure.mongoUri(""), "spring.mongodb.database=" + database)
			.applyTo(context.getEnvironment());
		MongoClientSettingsBuilderCustomizer recordQueries = settings -> settings
			.addCommandListener(RecordedQueries.instance());
		context.getBeanFactory().registerSingleton("recordedQueriesCustomizer", recordQueries);
	}

}
