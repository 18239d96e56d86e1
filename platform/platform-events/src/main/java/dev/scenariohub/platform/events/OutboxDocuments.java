package dev.scenariohub.platform.events;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/** Maps outbox entries to and from their BSON form inside an aggregate document. */
final class OutboxDocuments {

	private OutboxDocuments() {
	}

	static Document toDocument(OutboxEvent event) {
		return new Document("id", event.id()).append("type", event.type())
			.append("subject", event.subject())
			.append("sequence", event.sequence())
			.append("time", Date.from(event.time()))
			.append("data", event.data())
			.append("trace", new Document(event.trace()));
	}

	static OutboxEvent fromDocument(Document doc) {
		Number sequence = doc.get("sequence", Number.class);
		Map<String, String> trace = new LinkedHashMap<>();
		Document kept = doc.get("trace", Document.class);
		if (kept != null) {
			kept.forEach((name, value) -> trace.put(name, String.valueOf(value)));
		}
		return new OutboxEvent(doc.getString("id"), doc.getString("type"), doc.getString("subject"),
				sequence.longValue(), doc.getDate("time").toInstant(), doc.getString("data"), trace);
	}

}
