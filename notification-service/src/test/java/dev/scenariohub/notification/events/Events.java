package dev.scenariohub.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.EventSchemas;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events as their producers do, after checking them against their contracts.
 */
final class Events {

	private final CloudEventPublisher publisher;

	private final KafkaTemplate<String, byte[]> kafka;

	Events(CloudEventPublisher publisher, KafkaTemplate<String, byte[]> kafka) {
		this.publisher = publisher;
		this.kafka = kafka;
	}

	RecordMetadata send(String topic, String type, String subject, long sequence, String json) {
		return send(topic, UUID.randomUUID().toString(), type, subject, sequence, json);
	}

	RecordMetadata send(String topic, String eventId, String type, String subject, long sequence, String json) {
		EventSchemas.assertValid(type, json.getBytes(StandardCharsets.UTF_8));
		OutboxEvent event = new OutboxEvent(eventId, type, subject, sequence, Instant.now(), json);
		return this.kafka
			.send(KafkaMessageFactory.<String>createWriter(topic, subject)
				.writeBinary(this.publisher.toCloudEvent(event)))
			.join()
			.getRecordMetadata();
	}

	static String published(String scenarioId, String sector, String capability) {
		return """
				{"scenarioId":"%s","programId":"p1","title":"Drone parcel lockers","sector":"%s","demandOwner":"Haizhu Post",
				 "description":"d","requirements":null,"requiredCapabilities":["%s"],"eligibleCategories":[],
				 "support":{"funding":{"amount":"1.00","currency":"CNY"},"computeGpuHours":1},"maxAwards":1,
				 "opensAt":"2026-03-01T00:00:00Z","closesAt":"2026-04-01T02:00:00Z","timeZone":"Asia/Shanghai","status":"OPEN",
				 "publishedAt":"2026-03-01T00:00:00Z"}"""
			.formatted(scenarioId, sector, capability);
	}

	static String enterprise(String id, String owner, String member) {
		return """
				{"enterpriseId":"%s","name":"Sky Courier","creditCode":"91430111MA4L41YT1U","category":"STARTUP","status":"VERIFIED",
				 "owner":"%s","members":["%s"]}"""
			.formatted(id, owner, member);
	}

	static String application(String id, String scenarioId, String enterpriseId, String status) {
		return """
				{"applicationId":"%s","scenarioId":"%s","enterpriseId":"%s","status":"%s",
				 "proposal":{"summary":"s","requestedComputeGpuHours":1},"submittedAt":"2026-03-02T00:00:00Z"}"""
			.formatted(id, scenarioId, enterpriseId, status);
	}

}
