package dev.scenariohub.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/deadletters} (admin only): {@code GET} lists each dead-letter topic
 * with what is waiting in it, {@code GET /{topic}} shows up to 100 waiting records,
 * {@code POST /{topic}} (optional body {@code {"max": n}}) replays them to the topic they
 * came from.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	static final int PAGE = 100;

	private final DeadLetters deadLetters;

	public DeadLettersEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	public Map<String, Integer> waiting() {
		Map<String, Integer> waiting = new LinkedHashMap<>();
		for (String topic : this.deadLetters.topics()) {
			waiting.put(topic, this.deadLetters.pending(topic, PAGE).size());
		}
		return waiting;
	}

	@ReadOperation
	public List<DeadLetters.DeadLetter> pending(@Selector String topic) {
		return this.deadLetters.pending(topic, PAGE);
	}

	@WriteOperation
	public Map<String, Object> replay(@Selector String topic, @Nullable Integer max) {
		int replayed = this.deadLetters.replay(topic, max == null ? PAGE : Math.min(max, 10_000));
		return Map.of("topic", topic, "replayed", replayed);
	}

}
