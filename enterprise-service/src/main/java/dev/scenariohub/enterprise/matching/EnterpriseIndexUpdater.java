package dev.scenariohub.enterprise.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.scenariohub.enterprise.enterprise.EnterpriseEvents;
import dev.scenariohub.enterprise.enterprise.EnterpriseRepository;
import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.enterprise.EnterpriseStatus;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this replica's {@link EnterpriseIndex} up to date from the {@code enterprises}
 * topic. Every replica reads every partition itself (no consumer group, no committed
 * offsets): it takes the end of each partition first, then loads every enterprise from
 * the store, then applies what arrives. An enterprise's event is published only after its
 * change is stored, so what is before those ends is in the store, and what is after them
 * is read; the version check makes the overlap harmless. Until the first load is done the
 * index is not {@link #ready()}, and matching asks the store instead. If anything fails
 * (the broker or the store away, a partition's position lost), it starts over from the
 * ends and the store.
 */
@Component
public class EnterpriseIndexUpdater implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EnterpriseIndexUpdater.class);

	static final Duration POLL = Duration.ofMillis(500);

	static final Duration RETRY = Duration.ofSeconds(2);

	static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

	private final EnterpriseIndex index;

	private final EnterpriseRepository enterprises;

	private final Map<String, Object> consumerProperties;

	private final String topic;

	private final JsonMapper json;

	private final ThrottledLog failures = new ThrottledLog(log, "enterprise index", Duration.ofMinutes(1));

	private volatile boolean running;

	private volatile boolean ready;

	private volatile Thread thread;

	private volatile KafkaConsumer<String, byte[]> consumer;

	public EnterpriseIndexUpdater(EnterpriseIndex index, EnterpriseRepository enterprises, KafkaProperties kafka,
			@Value("${scenariohub.events.outboxes.enterprises:enterprises}") String topic, JsonMapper json,
			ObjectProvider<MeterRegistry> meters) {
		meters.ifAvailable(registry -> {
			Gauge.builder("scenariohub.matching.index.enterprises", index, EnterpriseIndex::size)
				.description("Verified enterprises in this replica's matching index")
				.register(registry);
			Gauge.builder("scenariohub.matching.index.ready", this, updater -> updater.ready() ? 1 : 0)
				.description("1 once the matching index is loaded; 0 while matching asks the store instead")
				.register(registry);
		});
		this.index = index;
		this.enterprises = enterprises;
		this.topic = topic;
		this.json = json;
		Map<String, Object> properties = kafka.buildConsumerProperties();
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "enterprise-index");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a position lost to retention is an error that makes it start over, not a skip
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumerProperties = properties;
	}

	/** Whether the index holds every enterprise (give or take the last moments). */
	public boolean ready() {
		return this.ready;
	}

	@Override
	public void start() {
		this.running = true;
		Thread follower = new Thread(this::run, "enterprise-index");
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
		List<TopicPartition> partitions = partitions(kafka);
		if (partitions.isEmpty()) {
			// the topic is not there yet: nothing was ever registered
			LockSupport.parkNanos(RETRY.toNanos());
			return;
		}
		kafka.assign(partitions);
		kafka.seekToEnd(partitions);
		partitions.forEach(kafka::position);
		long started = System.nanoTime();
		Long loaded = this.enterprises.all()
			.filter(v -> this.index.apply(v.state().id(), v.version(), entryOf(v.state())))
			.count()
			.block(LOAD_TIMEOUT);
		this.index.refresh();
		this.ready = true;
		this.failures.succeeded();
		log.info("Enterprise index loaded: {} enterprises read, {} verified, in {} ms", loaded, this.index.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		while (this.running) {
			ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
			for (ConsumerRecord<String, byte[]> record : records) {
				apply(record);
			}
			if (!records.isEmpty()) {
				this.index.refresh();
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.partitionsFor(this.topic, Duration.ofSeconds(30));
		return infos == null ? List.of()
				: infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		try {
			IncomingEvent event = IncomingEvent.from(record);
			if (!event.eventType().isAbout("enterprise")) {
				return;
			}
			EnterpriseEvents.Snapshot s = event.dataAs(this.json, EnterpriseEvents.Snapshot.class);
			this.index.apply(event.subject(), event.sequence(),
					s.status() == EnterpriseStatus.VERIFIED ? new EnterpriseIndex.Entry(event.subject(), s.name(),
							s.category().name(), orEmpty(s.capabilities()), orEmpty(s.coreTechnologies())) : null);
		}
		catch (MalformedEventException ex) {
			log.warn("Skipping a record the index cannot read ({} partition {} offset {}): {}", record.topic(),
					record.partition(), record.offset(), ex.getMessage());
		}
	}

	/**
	 * What the index holds of an enterprise: the enterprise while verified, else nothing.
	 */
	static EnterpriseIndex.Entry entryOf(EnterpriseState e) {
		return e.status() == EnterpriseStatus.VERIFIED ? EnterpriseIndex.Entry.of(e) : null;
	}

	private static List<String> orEmpty(List<String> values) {
		return values == null ? List.of() : values;
	}

}
