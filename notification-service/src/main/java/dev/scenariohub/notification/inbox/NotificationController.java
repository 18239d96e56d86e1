package dev.scenariohub.notification.inbox;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.Page;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own in-app inbox. */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {

	private static final Pattern POSITION = Pattern.compile("\\d{1,15}:[0-9a-f]{24}");

	private final NotificationRepository inbox;

	private final Clock clock;

	public NotificationController(NotificationRepository inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@Operation(operationId = "listNotifications", summary = "The caller's inbox, newest first",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	Mono<Page<Notification>> list(@RequestParam(required = false) Boolean unread,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@AuthenticationPrincipal Jwt caller, ServerHttpRequest request) {
		int size = Cursors.limit(limit);
		String after = Cursors.decode(cursor);
		if (after != null && !POSITION.matcher(after).matches()) {
			throw ApiException.badRequest("malformed-cursor", "Malformed cursor",
					"cursor must be a value returned in a previous page's next link");
		}
		return this.inbox.of(caller.getSubject(), unread, after, size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, n -> n.createdAt().toEpochMilli() + ":" + n.id(),
					Page.nextLinks(request, size)));
	}

	@Operation(operationId = "markNotificationRead", summary = "Mark one notification read",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/{id}/read")
	Mono<Map<String, String>> read(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		ValidationProblem.requireId("id", id);
		return this.inbox.markRead(id, caller.getSubject(), this.clock.instant())
			.flatMap(found -> found ? Mono.just(Map.of("id", id, "status", "READ"))
					: Mono.error(new NotFound("Notification", id)));
	}

	@Operation(operationId = "markAllNotificationsRead", summary = "Mark every notification read",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/read-all")
	Mono<Map<String, Long>> readAll(@AuthenticationPrincipal Jwt caller) {
		return this.inbox.markAllRead(caller.getSubject(), this.clock.instant()).map(count -> Map.of("marked", count));
	}

}
