package dev.scenariohub.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumers are behind what was published: over every consumer
 * group that has committed on the services' topics, the records past its committed
 * offsets.
 */
final class ConsumerLag implements AutoCloseable {

	static final List<String> TOPICS = List.of("scenarios", "enterprises", "applications", "notifications");

	private final Admin admin;

	ConsumerLag(Target target) {
		Map<String, Object> config = new HashMap<>(target.kafkaClient());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
		this.admin = Admin.create(config);
	}

	/**
	 * Records not yet consumed, summed over the groups with members (a group nobody
	 * consumes in any more keeps its last offsets forever) and their partitions.
	 */
	long records() throws ExecutionException, InterruptedException {
		Set<TopicPartition> partitions = new HashSet<>();
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
		for (GroupListing group : this.admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
			if (group.groupState().map(state -> state == GroupState.EMPTY || state == GroupState.DEAD).orElse(false)) {
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			this.admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get()
				.forEach((partition, offset) -> {
					if (offset != null && TOPICS.contains(partition.topic())) {
						offsets.put(partition, offset);
						partitions.add(partition);
					}
				});
			committed.put(group.groupId(), offsets);
		}
		if (partitions.isEmpty()) {
			return 0;
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest).all().get();
		long lag = 0;
		for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
			for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
				lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
			}
		}
		return lag;
	}

	/**
	 * Waits until every consumer has caught up, at most {@code minutes}; the seconds it
	 * took.
	 */
	double awaitCaughtUp(int minutes) throws ExecutionException, InterruptedException {
		long start = System.nanoTime();
		long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
		long lag = records();
		while (lag > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the services' consumers are still " + lag + " records behind after " + minutes + " minutes");
			}
			Thread.sleep(500);
			lag = records();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
