package dev.scenariohub.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning, as an outside subscriber would, without joining a
 * consumer group. Not thread-safe: one test thread polls it.
 */
public final class EventTap implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private EventTap(String bootstrapServers, Map<String, Object> clientProperties, String topic) {
		Map<String, Object> config = new HashMap<>(clientProperties);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
			.stream()
			.map(p -> new TopicPartition(topic, p.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	public static EventTap on(String bootstrapServers, String topic) {
		return new EventTap(bootstrapServers, Map.of(), topic);
	}

	/**
	 * A tap on a broker that wants more than its address, such as credentials.
	 * @param bootstrapServers the broker
	 * @param clientProperties further client settings ({@code security.protocol}, …)
	 * @param topic the topic to read
	 * @return a tap positioned at the topic's beginning
	 */
	public static EventTap on(String bootstrapServers, Map<String, Object> clientProperties, String topic) {
		return new EventTap(bootstrapServers, clientProperties, topic);
	}

	/** Polls until a record matches, and returns it. */
	public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match,
			Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
			poll();
			return this.seen.stream().anyMatch(match);
		});
		return this.seen.stream().filter(match).findFirst().orElseThrow();
	}

	/** Everything read so far, after one more poll. */
	public List<ConsumerRecord<String, byte[]>> records() {
		poll();
		return List.copyOf(this.seen);
	}

	private void poll() {
		this.consumer.poll(Duration.ofMillis(100)).forEach(this.seen::add);
	}

	/** A record's header as text, or null. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** Matches a record by its CloudEvents {@code ce_type} and {@code ce_subject}. */
	public static Predicate<ConsumerRecord<String, byte[]>> event(String type, String subject) {
		return record -> type.equals(header(record, "ce_type")) && subject.equals(header(record, "ce_subject"));
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
