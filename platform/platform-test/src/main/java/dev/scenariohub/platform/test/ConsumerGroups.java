package dev.scenariohub.platform.test;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * Knows when a consumer group has got past a record: its committed offset is beyond it.
 */
public final class ConsumerGroups {

	private ConsumerGroups() {
	}

	public static void awaitConsumed(String group, RecordMetadata record, Duration atMost) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.get().kafkaBootstrapServers()))) {
			await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				OffsetAndMetadata offset = committed.get(partition);
				return offset != null && offset.offset() > record.offset();
			});
		}
	}

}
