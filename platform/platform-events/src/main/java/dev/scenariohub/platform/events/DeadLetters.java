package dev.scenariohub.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The dead-letter topics of this service's consumers ({@code <topic>.<group>.dlq}): what
 * is in them, and replaying it to the original topic once the cause is fixed. Replayed
 * records keep their key, value and CloudEvents headers; the consumers apply them by the
 * usual rules (a replay of an older event changes a read model only where its lifecycle
 * allows). What has been replayed is remembered as the offsets of the group
 * {@code <group>.dlq-replay}, so each record is replayed once.
 */
public class DeadLetters {

	static final Duration POLL = Duration.ofMillis(500);

	/**
	 * A read gives up after this, with what it has, rather than hang an operator's
	 * request.
	 */
	static final Duration READ_AT_MOST = Duration.ofSeconds(20);

	private final Map<String, Object> consumerConfig;

	private final KafkaTemplate<String, byte[]> kafka;

	/** dead-letter topic → the topic its records came from. */
	private final Map<String, String> origins;

	private final String replayGroup;

	/**
	 * @param clientConfig the broker and how to authenticate to it (Spring Boot's
	 * consumer settings)
	 * @param consumed topic → consumer group, for each topic this service consumes
	 */
	public DeadLetters(Map<String, Object> clientConfig, KafkaTemplate<String, byte[]> kafka,
			Map<String, String> consumed) {
		this.kafka = kafka;
		this.origins = consumed.entrySet()
			.stream()
			.collect(Collectors.toMap(e -> e.getKey() + "." + e.getValue() + ".dlq", Map.Entry::getKey, (a, b) -> a,
					LinkedHashMap::new));
		String group = consumed.values().stream().findFirst().orElse("scenariohub");
		this.replayGroup = group + ".dlq-replay";
		Map<String, Object> config = new HashMap<>(clientConfig);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.replayGroup);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumerConfig = Map.copyOf(config);
	}

	/** One dead letter, as an operator needs to judge it. */
	public record DeadLetter(String topic, int partition, long offset, String key, String type, String id,
			String error) {
	}

	public Set<String> topics() {
		return this.origins.keySet();
	}

	/** Up to {@code max} dead letters of one topic not replayed yet, oldest first. */
	public List<DeadLetter> pending(String dlqTopic, int max) {
		requireKnown(dlqTopic);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig)) {
			return read(consumer, dlqTopic, max).stream().map(DeadLetters::describe).toList();
		}
	}

	/**
	 * Publishes up to {@code max} pending dead letters of one topic to the topic they
	 * came from, waits for the broker's acks, then marks them replayed.
	 * @return how many were replayed
	 */
	public int replay(String dlqTopic, int max) {
		requireKnown(dlqTopic);
		String origin = this.origins.get(dlqTopic);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig)) {
			List<ConsumerRecord<String, byte[]>> records = read(consumer, dlqTopic, max);
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			for (ConsumerRecord<String, byte[]> record : records) {
				ProducerRecord<String, byte[]> again = new ProducerRecord<>(origin, record.key(), record.value());
				for (Header header : record.headers()) {
					if (header.key().startsWith("ce_") || header.key().equals("content-type")
							|| header.key().equals("traceparent")) {
						again.headers().add(header);
					}
				}
				this.kafka.send(again).join();
				done.put(new TopicPartition(record.topic(), record.partition()),
						new OffsetAndMetadata(record.offset() + 1));
			}
			if (!done.isEmpty()) {
				consumer.commitSync(done);
			}
			return records.size();
		}
	}

	private void requireKnown(String dlqTopic) {
		if (!this.origins.containsKey(dlqTopic)) {
			throw new InvalidEndpointRequestException(
					"'" + dlqTopic + "' is not a dead-letter topic of this service; these are: " + topics(),
					"unknown dead-letter topic");
		}
	}

	private List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, String topic, int max) {
		List<PartitionInfo> partitions = consumer.partitionsFor(topic);
		if (partitions == null || partitions.isEmpty()) {
			return List.of();
		}
		List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
		consumer.assign(assigned);
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
		Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
		for (TopicPartition partition : assigned) {
			OffsetAndMetadata from = committed.get(partition);
			if (from == null) {
				consumer.seekToBeginning(List.of(partition));
			}
			else {
				consumer.seek(partition, from.offset());
			}
		}
		List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
		long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
		while (out.size() < max && !caughtUp(consumer, assigned, ends) && System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
				if (out.size() < max) {
					out.add(record);
				}
			}
		}
		return out;
	}

	private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> ends) {
		return partitions.stream().allMatch(p -> consumer.position(p) >= ends.getOrDefault(p, 0L));
	}

	private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
				header(record, "ce_type"), header(record, "ce_id"), header(record, "x-exception-message"));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
