package dev.scenariohub.enterprise.matching;

import java.time.Duration;
import java.util.List;

import dev.scenariohub.enterprise.enterprise.EnterpriseEvents;
import dev.scenariohub.enterprise.enterprise.EnterpriseRepository;
import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.enterprise.EnterpriseStatus;
import dev.scenariohub.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@link EnterpriseIndex} up to date from the {@code enterprises} topic. It
 * starts at the end of each partition and then loads every enterprise from the store: an
 * enterprise's event is published only after its change is stored, so what is before
 * those ends is in the store, and what is after them is read.
 */
@Component
public class EnterpriseIndexUpdater extends IndexFollower {

	private final EnterpriseIndex index;

	private final EnterpriseRepository enterprises;

	private final JsonMapper json;

	public EnterpriseIndexUpdater(EnterpriseIndex index, EnterpriseRepository enterprises, KafkaProperties kafka,
			@Value("${scenariohub.events.outboxes.enterprises:enterprises}") String topic, JsonMapper json,
			ObjectProvider<MeterRegistry> meters) {
		super("enterprises", topic, index, kafka, null, meters);
		this.index = index;
		this.enterprises = enterprises;
		this.json = json;
	}

	@Override
	void startAt(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
		kafka.seekToEnd(partitions);
	}

	@Override
	long load(Duration timeout) {
		Long loaded = this.enterprises.all()
			.doOnNext(v -> this.index.apply(v.state().id(), v.version(), entryOf(v.state())))
			.count()
			.block(timeout);
		return loaded == null ? 0 : loaded;
	}

	@Override
	void apply(IncomingEvent event) {
		if (!event.eventType().isAbout("enterprise")) {
			return;
		}
		EnterpriseEvents.Snapshot s = event.dataAs(this.json, EnterpriseEvents.Snapshot.class);
		this.index.apply(event.subject(), event.sequence(),
				s.status() == EnterpriseStatus.VERIFIED ? new EnterpriseIndex.Entry(event.subject(), s.name(),
						s.category().name(), orEmpty(s.capabilities()), orEmpty(s.coreTechnologies())) : null);
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
