package dev.scenariohub.notification.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.scenariohub.platform.events.IncomingEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FeedApiTest {

	@Autowired
	FeedRepository feed;

	@Autowired
	JsonMapper json;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private IncomingEvent event(int i) {
		String data = "{\"scenarioId\":\"s" + i + "\",\"status\":\"CLOSED\"}";
		return new IncomingEvent(UUID.randomUUID().toString(), "dev.scenariohub.scenario.closed.v1",
				"/scenario-service", "s" + i, 3, Instant.now(), data.getBytes(StandardCharsets.UTF_8));
	}

	private Map<String, Object> page(String uri) {
		return this.web.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@Test
	void pagesThroughAThousandEventsAppendedConcurrentlyWithoutGapsOrRepeats() {
		List<IncomingEvent> events = Flux.range(0, 1000).map(this::event).collectList().block();
		Flux.fromIterable(events)
			.flatMap(e -> this.feed.append(e, this.json).subscribeOn(Schedulers.boundedElastic()), 8)
			.blockLast(Duration.ofMinutes(2));
		// the same events again (a redelivery) append nothing
		Flux.fromIterable(events.subList(0, 50)).concatMap(e -> this.feed.append(e, this.json)).blockLast();

		Set<String> wanted = new HashSet<>(events.stream().map(IncomingEvent::id).toList());
		List<String> seen = new ArrayList<>();
		List<Long> positions = new ArrayList<>();
		String uri = "/api/v1/feed?limit=100";
		for (int pages = 0; pages < 1000; pages++) {
			Map<String, Object> page = page(uri);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			if (items.isEmpty()) {
				break;
			}
			items.forEach(item -> {
				positions.add(((Number) item.get("position")).longValue());
				if (wanted.contains((String) item.get("id"))) {
					seen.add((String) item.get("id"));
				}
			});
			uri = (String) page.get("next");
		}
		assertThat(seen).hasSize(1000).doesNotHaveDuplicates();
		assertThat(positions).isSorted().doesNotHaveDuplicates();
		assertThat(positions.get(positions.size() - 1) - positions.get(0) + 1).as("no gaps")
			.isEqualTo(positions.size());
	}

	@Test
	void filtersByTypeAndRefusesBadInput() {
		this.web.get()
			.uri("/api/v1/feed?types=dev.scenariohub.review.assigned.v1")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.web.get().uri("/api/v1/feed?after=bm9wZQ").exchange().expectStatus().isBadRequest();
		this.web.get()
			.uri("/api/v1/feed?types=dev.scenariohub.scenario.awarded.v1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.type != 'dev.scenariohub.scenario.awarded.v1')]")
			.doesNotExist();
	}

}
