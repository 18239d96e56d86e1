package dev.scenariohub.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.scenariohub.platform.test.SharedInfrastructure;
import dev.scenariohub.platform.test.SharedInfrastructureInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer with the defaults every service gets ({@link ConsumerDefaults}) works on
 * each partition of its topic side by side: a record that takes long (a slow write, a
 * retry's back-off) holds up the records after it in its own partition — they may be of
 * the same aggregate — and no others.
 */
@SpringBootTest(classes = PartitionsSideBySideTest.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=side-by-side", "scenariohub.events.source=/side-by-side",
				"spring.cloud.function.definition=aggregates",
				"spring.cloud.stream.bindings.aggregates-in-0.destination=" + PartitionsSideBySideTest.TOPIC })
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
class PartitionsSideBySideTest {

	static final String TOPIC = "side-by-side";

	@Autowired
	private Application application;

	@AfterEach
	void release() {
		this.application.slowRecordMayFinish.countDown();
	}

	@Test
	void aSlowRecordHoldsUpOnlyItsOwnPartition() throws Exception {
		// the group settled: each partition with a consumer of its own (a consumer that
		// joined first holds every partition until the others have joined)
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.get().kafkaBootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> admin.describeConsumerGroups(List.of("side-by-side"))
					.all()
					.get()
					.get("side-by-side")
					.members()
					.stream()
					.filter(member -> member.assignment().topicPartitions().size() == 1)
					.count() == 3);
		}
		try (var kafka = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.get().kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			kafka.send(new ProducerRecord<>(TOPIC, 0, "slow", new byte[0])).get(10, TimeUnit.SECONDS);
			assertThat(this.application.slowRecordStarted.await(30, TimeUnit.SECONDS))
				.as("the slow record is being processed")
				.isTrue();

			kafka.send(new ProducerRecord<>(TOPIC, 0, "after-slow", new byte[0])).get(10, TimeUnit.SECONDS);
			kafka.send(new ProducerRecord<>(TOPIC, 1, "elsewhere-1", new byte[0])).get(10, TimeUnit.SECONDS);
			kafka.send(new ProducerRecord<>(TOPIC, 2, "elsewhere-2", new byte[0])).get(10, TimeUnit.SECONDS);

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.application.processed).contains("elsewhere-1", "elsewhere-2"));
			assertThat(this.application.processed).as("nothing passes the slow record in its own partition")
				.doesNotContain("slow", "after-slow");

			this.application.slowRecordMayFinish.countDown();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.application.processed).containsSubsequence("slow", "after-slow"));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		final CountDownLatch slowRecordStarted = new CountDownLatch(1);

		final CountDownLatch slowRecordMayFinish = new CountDownLatch(1);

		final List<String> processed = new CopyOnWriteArrayList<>();

		@Bean
		Consumer<Message<byte[]>> aggregates() {
			return message -> {
				Object received = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
				String key = received instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(received);
				if (key.equals("slow")) {
					this.slowRecordStarted.countDown();
					try {
						this.slowRecordMayFinish.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				}
				this.processed.add(key);
			};
		}

	}

}
