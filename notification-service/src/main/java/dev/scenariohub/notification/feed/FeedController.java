package dev.scenariohub.notification.feed;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/feed?after=&types=&limit=}: public events, ordered, resumable — for
 * subscribers that cannot reach Kafka. Anonymous access is allowed.
 */
@Tag(name = "Feed", description = "The public change feed: every public event, in order, resumable by cursor.")
@RestController
public class FeedController {

	/**
	 * One page of the feed; {@code cursor} is where the next call continues (also when
	 * empty).
	 */
	public record FeedPage(List<Entry> items, String cursor, String next) {
	}

	/** One public event. */
	@Schema(name = "FeedEntry")
	public record Entry(long position, String id, String type, String source, String subject, long sequence, Date time,
			Map<String, Object> data) {
	}

	private final FeedRepository feed;

	public FeedController(FeedRepository feed) {
		this.feed = feed;
	}

	@Operation(operationId = "readFeed", summary = "Events after a cursor, optionally filtered by type")
	@GetMapping("/api/v1/feed")
	Mono<FeedPage> page(@RequestParam(required = false) String after, @RequestParam(required = false) String types,
			@RequestParam(required = false) Integer limit) {
		int size = Cursors.limit(limit);
		long position = positionOf(after);
		List<String> wanted = types == null || types.isBlank() ? List.of()
				: Arrays.stream(types.split(",")).map(String::trim).toList();
		for (String type : wanted) {
			if (!PublicEvents.includes(type)) {
				throw ValidationProblem.of("types",
						"'" + type + "' is not a public event type; use " + PublicEvents.TYPES);
			}
		}
		return this.feed.after(position, wanted, size).map(FeedController::entry).collectList().map(items -> {
			long last = items.isEmpty() ? position : items.get(items.size() - 1).position();
			String cursor = Cursors.encode(Long.toString(last));
			String next = "/api/v1/feed?after=" + cursor + "&limit=" + size + (types == null ? "" : "&types=" + types);
			return new FeedPage(items, cursor, next);
		});
	}

	private static long positionOf(String after) {
		String key = Cursors.decode(after);
		if (key == null) {
			return 0;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw ValidationProblem.of("after", "must be a cursor returned by this feed");
		}
	}

	private static Entry entry(Document d) {
		return new Entry(d.get("_id", Number.class).longValue(), d.getString("eventId"), d.getString("type"),
				d.getString("source"), d.getString("subject"), d.get("sequence", Number.class).longValue(),
				d.getDate("time"), d.get("data", Document.class));
	}

}
