package dev.scenariohub.enterprise.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.enterprise.readmodel.ScenarioEventPayload;
import dev.scenariohub.enterprise.readmodel.ScenarioPublishedPayload;
import dev.scenariohub.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@link ScenarioIndex} up to date from the {@code scenarios} topic. The store
 * holds the scenario read model, which this service's consumer group writes after the
 * event, so it starts where that group has committed (everything before is in the read
 * model) — the beginning where it has committed nothing — and then loads the read model
 * (the open scenarios, and the sector of every scenario).
 */
@Component
public class ScenarioIndexUpdater extends IndexFollower {

	private final ScenarioIndex index;

	private final KnownScenarioRepository scenarios;

	private final JsonMapper json;

	public ScenarioIndexUpdater(ScenarioIndex index, KnownScenarioRepository scenarios, KafkaProperties kafka,
			@Value("${spring.cloud.stream.bindings.scenarioEvents-in-0.destination:scenarios}") String topic,
			@Value("${spring.cloud.stream.default.group:${spring.application.name}}") String group, JsonMapper json,
			ObjectProvider<MeterRegistry> meters) {
		super("scenarios", topic, index, kafka, group, meters);
		this.index = index;
		this.scenarios = scenarios;
		this.json = json;
	}

	@Override
	void startAt(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
		Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset == null) {
				kafka.seekToBeginning(List.of(partition));
			}
			else {
				kafka.seek(partition, offset.offset());
			}
		}
	}

	@Override
	long load(Duration timeout) {
		Long loaded = this.scenarios.all().doOnNext(s -> {
			this.index.knowSector(s.id(), s.sector());
			this.index.apply(s.id(), s.sequence(), "OPEN".equals(s.status()) ? ScenarioIndex.Entry.of(s) : null);
		}).count().block(timeout);
		return loaded == null ? 0 : loaded;
	}

	@Override
	void apply(IncomingEvent event) {
		if (!event.eventType().isAbout("scenario")) {
			return;
		}
		String kind = event.eventType().event();
		if (kind.equals("published")) {
			published(event, event.dataAs(this.json, ScenarioPublishedPayload.class));
			return;
		}
		ScenarioEventPayload payload = event.dataAs(this.json, ScenarioEventPayload.class);
		if (kind.equals("updated") && payload.scenario() != null) {
			published(event, payload.scenario());
		}
		else if (payload.status() != null) {
			this.index.applyStatus(event.subject(), event.sequence(), payload.status(), payload.closesAt());
		}
	}

	private void published(IncomingEvent event, ScenarioPublishedPayload scenario) {
		this.index.knowSector(event.subject(), scenario.sector());
		this.index.apply(event.subject(), event.sequence(),
				"OPEN".equals(scenario.status()) ? ScenarioIndex.Entry.of(scenario) : null);
	}

}
