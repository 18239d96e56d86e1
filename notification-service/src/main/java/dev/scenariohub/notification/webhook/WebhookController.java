package dev.scenariohub.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The caller's webhooks. */
@Tag(name = "Webhooks", description = "Signed HTTP callbacks carrying events as CloudEvents.")
@RestController
@RequestMapping("/api/v1/webhooks")
public class WebhookController {

	/** {@code POST /api/v1/webhooks}. */
	public record CreateWebhook(@NotBlank @Size(max = 2_000) String url,
			@Size(max = 50) List<@NotNull @Size(max = 100) String> eventTypes) {
	}

	/** A webhook as listed: never with its secret. */
	public record WebhookView(String id, String url, List<String> eventTypes, Instant createdAt) {
		static WebhookView of(Webhook w) {
			return new WebhookView(w.id(), w.url(), w.eventTypes(), w.createdAt());
		}
	}

	/** Webhooks one user may have: each event is sent to every one of them. */
	static final int MAX_PER_USER = 10;

	private final WebhookRepository webhooks;

	private final UrlGuard guard;

	private final Clock clock;

	public WebhookController(WebhookRepository webhooks, UrlGuard guard, Clock clock) {
		this.webhooks = webhooks;
		this.guard = guard;
		this.clock = clock;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "createWebhook", summary = "Register a webhook; its secret is shown once",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping
	Mono<ResponseEntity<Webhook>> create(@Valid @RequestBody CreateWebhook body, @AuthenticationPrincipal Jwt caller) {
		List<String> types = body.eventTypes() == null ? List.of() : body.eventTypes();
		for (String type : types) {
			try {
				EventType.parse(type);
			}
			catch (IllegalArgumentException ex) {
				throw ValidationProblem.of("eventTypes", "'" + type + "' is not a ScenarioHub event type");
			}
		}
		return Mono.fromCallable(() -> this.guard.check(body.url()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(uri -> this.webhooks.ownedBy(caller.getSubject()).count().flatMap(owned -> {
				if (owned >= MAX_PER_USER) {
					return Mono
						.error(ApiException.conflict("too-many-webhooks", "Too many webhooks", "You have " + owned
								+ " webhooks, the most one user may have (" + MAX_PER_USER + "); delete one first"));
				}
				return Mono.just(uri);
			}))
			.flatMap(uri -> this.webhooks.insert(new Webhook(new ObjectId().toHexString(), caller.getSubject(),
					uri.toString(), types, Signature.newSecret(), this.clock.instant())))
			.map(saved -> ResponseEntity.created(URI.create("/api/v1/webhooks/" + saved.id())).body(saved));
	}

	@Operation(operationId = "listWebhooks", summary = "The caller's webhooks",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	Mono<List<WebhookView>> list(@AuthenticationPrincipal Jwt caller) {
		return this.webhooks.ownedBy(caller.getSubject()).map(WebhookView::of).collectList();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT) // what springdoc documents; the ResponseEntity
											// sets it
	@Operation(operationId = "deleteWebhook", summary = "Remove one of the caller's webhooks",
			security = @SecurityRequirement(name = "bearer"))
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		ValidationProblem.requireId("id", id);
		return this.webhooks.delete(id, caller.getSubject())
			.flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(new NotFound("Webhook", id)));
	}

}
