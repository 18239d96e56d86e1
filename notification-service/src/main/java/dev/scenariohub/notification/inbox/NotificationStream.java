package dev.scenariohub.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.scenariohub.platform.web.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/notifications/stream}: the caller's notifications as Server-Sent
 * Events. Each event's id is its position ({@code createdAtMillis:notificationId});
 * reconnecting with {@code Last-Event-ID} replays what was missed. The stream looks for
 * new notifications every {@code notifications.stream.poll} (so it works whichever
 * replica stored them), looking back a little for ones stored late and skipping those
 * already sent; it sends a heartbeat comment when idle, and a client that does not keep
 * up gets at most a bounded buffer: once it is full the stream stops reading and ends
 * with an error after what was buffered. A user has at most
 * {@code notifications.stream.max-per-user} streams open at once, on all replicas
 * together ({@link StreamSlots}; a browser with a few tabs); one more is refused with
 * 429.
 */
@Tag(name = "Notifications")
@RestController
public class NotificationStream {

	private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);

	private static final Pattern POSITION = Pattern.compile("(\\d{1,15}):([0-9a-f]{24})");

	static final Duration LOOK_BACK = Duration.ofSeconds(2);

	static final int RECENT = 10_000;

	static final int PAGE = 200;

	private final NotificationRepository inbox;

	private final Duration poll;

	private final Duration heartbeat;

	private final int buffer;

	private final StreamSlots slots;

	private final AtomicInteger open = new AtomicInteger();

	public NotificationStream(NotificationRepository inbox, @Value("${notifications.stream.poll:PT0.5S}") Duration poll,
			@Value("${notifications.stream.heartbeat:PT15S}") Duration heartbeat,
			@Value("${notifications.stream.buffer:256}") int buffer, StreamSlots slots, MeterRegistry meters) {
		this.inbox = inbox;
		Gauge.builder("scenariohub.sse.streams.open", this.open, AtomicInteger::get)
			.description("Live notification streams open on this replica")
			.register(meters);
		this.poll = poll;
		this.heartbeat = heartbeat;
		this.buffer = buffer;
		this.slots = slots;
	}

	@Operation(operationId = "streamNotifications", summary = "New notifications as they arrive (Server-Sent Events)",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Notification>> stream(@AuthenticationPrincipal Jwt caller,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		String recipient = caller.getSubject();
		String holder = UUID.randomUUID().toString();
		return this.slots.take(recipient, holder)
			.switchIfEmpty(Mono
				.error(() -> new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many open streams",
						"You have " + this.slots.maxPerUser()
								+ " notification streams open; close one before opening another")))
			.flatMapMany(slot -> {
				this.open.incrementAndGet();
				Disposable renewals = this.slots.keep(slot, holder).subscribe();
				return stream(recipient, lastEventId).doFinally(signal -> {
					renewals.dispose();
					this.open.decrementAndGet();
					this.slots.release(slot, holder)
						.subscribe(null, error -> log.warn("Could not free stream slot {} (it expires by itself): {}",
								slot, error.toString()));
				});
			});
	}

	private Flux<ServerSentEvent<Notification>> stream(String recipient, String lastEventId) {
		var matcher = lastEventId == null ? null : POSITION.matcher(lastEventId.trim());
		Instant start = matcher != null && matcher.matches() ? Instant.ofEpochMilli(Long.parseLong(matcher.group(1)))
				: Instant.now();
		Set<String> sent = new LinkedHashSet<>();
		if (matcher != null && matcher.matches()) {
			sent.add(matcher.group(2));
		}
		AtomicReference<Instant> last = new AtomicReference<>(start);
		Flux<ServerSentEvent<Notification>> notifications = Flux.interval(Duration.ZERO, this.poll)
			.onBackpressureDrop()
			.concatMap(tick -> window(recipient, last.get().minus(LOOK_BACK))
				.filter(n -> !n.createdAt().isBefore(start) && remember(sent, n.id())), 1)
			.doOnNext(n -> last.accumulateAndGet(n.createdAt(), (a, b) -> a.isAfter(b) ? a : b))
			.map(n -> ServerSentEvent.builder(n)
				.id(n.createdAt().toEpochMilli() + ":" + n.id())
				.event("notification")
				.build());
		Flux<ServerSentEvent<Notification>> heartbeats = Flux.interval(this.heartbeat)
			.map(tick -> ServerSentEvent.<Notification>builder().comment("heartbeat").build());
		// a first comment opens the response at once, so clients and proxies see the
		// stream is up
		ServerSentEvent<Notification> connected = ServerSentEvent.<Notification>builder().comment("connected").build();
		return Flux.concat(Flux.just(connected), Flux.merge(notifications, heartbeats))
			.onBackpressureBuffer(this.buffer, BufferOverflowStrategy.ERROR);
	}

	/**
	 * Everything from an instant on, page by page (keyset), so a burst larger than a page
	 * is not stuck.
	 */
	private Flux<Notification> window(String recipient, Instant from) {
		return this.inbox.after(recipient, from, null, PAGE)
			.collectList()
			.expand(page -> page.size() < PAGE ? Mono.empty()
					: this.inbox
						.after(recipient, page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id(), PAGE)
						.collectList())
			.flatMapIterable(page -> page);
	}

	/**
	 * Keeps the ids sent lately, so the look-back never sends one twice; false when seen.
	 */
	private static boolean remember(Set<String> sent, String id) {
		synchronized (sent) {
			if (!sent.add(id)) {
				return false;
			}
			if (sent.size() > RECENT) {
				sent.remove(sent.iterator().next());
			}
			return true;
		}
	}

}
