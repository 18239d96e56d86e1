package dev.scenariohub.enterprise.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.scenariohub.platform.events.IncomingEvent;
import dev.scenariohub.platform.events.MalformedEventException;
import dev.scenariohub.platform.events.ThrottledLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this replica's {@link MatchIndex} up to date from a topic. Every replica reads
 * every partition itself (assigned, no group membership, nothing committed): it first
 * fixes where to start reading ({@link #startAt}), then loads the store's state, then
 * applies what arrives, by version, so the overlap of the two is harmless. Until the
 * first load is done the index is not {@link #ready()} and matching asks the store
 * instead. If anything fails (the broker or the store away, a position lost), it starts
 * over.
 */
abstract class IndexFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	static final Duration POLL = Duration.ofMillis(500);

	static final Duration RETRY = Duration.ofSeconds(2);

	static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

	private final String name;

	private final String topic;

	private final MatchIndex index;

	private final Map<String, Object> consumerProperties;

	private final ThrottledLog failures;

	private volatile boolean running;

	private volatile boolean ready;

	private volatile Thread thread;

	private volatile KafkaConsumer<String, byte[]> consumer;

	/**
	 * @param name what the index holds, for logs and metrics ({@code enterprises})
	 * @param group the consumer group whose committed offsets {@link #startAt} may read,
	 * or null (this follower never joins it or commits)
	 */
	IndexFollower(String name, String topic, MatchIndex index, KafkaProperties kafka, String group,
			ObjectProvider<MeterRegistry> meters) {
		this.name = name;
		this.topic = topic;
		this.index = index;
		this.failures = new ThrottledLog(log, name + " index", Duration.ofMinutes(1));
		Map<String, Object> properties = kafka.buildConsumerProperties();
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		if (group != null) {
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-index");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// the topic is created by those who publish to it, with their partitions
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		// a position lost to retention is an error that makes it start over, not a skip
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumerProperties = properties;
		meters.ifAvailable(registry -> {
			Gauge.builder("scenariohub.matching.index.size", index, MatchIndex::size)
				.tag("index", name)
				.description("Documents in this replica's matching index")
				.register(registry);
			Gauge.builder("scenariohub.matching.index.ready", this, follower -> follower.ready() ? 1 : 0)
				.tag("index", name)
				.description("1 once the matching index is loaded; 0 while matching asks the store instead")
				.register(registry);
		});
	}

	/** Whether the index holds everything (give or take the last moments). */
	public boolean ready() {
		return this.ready;
	}

	/**
	 * Positions the consumer on the assigned partitions where reading must start for
	 * {@link #load} and the events after it to cover everything.
	 */
	abstract void startAt(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions);

	/** Loads the store's state into the index; returns how many were read. */
	abstract long load(Duration timeout);

	/** Applies one event of the topic to the index. */
	abstract void apply(IncomingEvent event);

	@Override
	public void start() {
		this.running = true;
		Thread follower = new Thread(this::run, this.name + "-index");
		follower.setDaemon(true);
		this.thread = follower;
		follower.start();
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			LockSupport.unpark(follower);
			try {
				follower.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.consumerProperties)) {
				this.consumer = kafka;
				follow(kafka);
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				this.ready = false;
				this.failures.failed("following " + this.topic + " failed; matching asks the store until the index "
						+ "is loaded again", ex);
				LockSupport.parkNanos(RETRY.toNanos());
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private void follow(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.partitionsFor(this.topic, Duration.ofSeconds(30));
		if (infos == null || infos.isEmpty()) {
			// the topic is not there yet: nothing was ever published to it
			LockSupport.parkNanos(RETRY.toNanos());
			return;
		}
		List<TopicPartition> partitions = infos.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		kafka.assign(partitions);
		startAt(kafka, partitions);
		partitions.forEach(kafka::position);
		long started = System.nanoTime();
		long loaded = load(LOAD_TIMEOUT);
		this.index.refresh();
		this.ready = true;
		this.failures.succeeded();
		log.info("{} index loaded: {} read from the store, {} indexed, in {} ms", this.name, loaded, this.index.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		while (this.running) {
			ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
			for (ConsumerRecord<String, byte[]> record : records) {
				try {
					apply(IncomingEvent.from(record));
				}
				catch (MalformedEventException ex) {
					log.warn("Skipping a record the {} index cannot read ({} partition {} offset {}): {}", this.name,
							record.topic(), record.partition(), record.offset(), ex.getMessage());
				}
			}
			if (!records.isEmpty()) {
				this.index.refresh();
			}
		}
	}

}
