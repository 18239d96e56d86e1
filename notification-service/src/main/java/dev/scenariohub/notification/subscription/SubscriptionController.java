package dev.scenariohub.notification.subscription;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** The caller's own subscriptions to new scenarios. */
@Tag(name = "Subscriptions",
		description = "Subscriptions to sectors and capabilities: be told when a matching scenario opens.")
@RestController
@RequestMapping("/api/v1/subscriptions")
public class SubscriptionController {

	/** Subscriptions one user may have: enough for every sector and then some. */
	static final int MAX_PER_USER = 50;

	private final SubscriptionRepository subscriptions;

	private final Clock clock;

	public SubscriptionController(SubscriptionRepository subscriptions, Clock clock) {
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "createSubscription", summary = "Subscribe to a sector or capability",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping
	Mono<ResponseEntity<Subscription>> create(@Valid @RequestBody CreateSubscriptionRequest request,
			@AuthenticationPrincipal Jwt caller) {
		Subscription subscription = new Subscription(new ObjectId().toHexString(), caller.getSubject(),
				request.sectors() == null ? List.of() : List.copyOf(request.sectors()),
				request.capabilities() == null ? List.of() : List.copyOf(request.capabilities()), this.clock.instant());
		return this.subscriptions.ownedBy(caller.getSubject())
			.count()
			.flatMap(owned -> owned >= MAX_PER_USER
					? Mono.error(ApiException.conflict("too-many-subscriptions", "Too many subscriptions",
							"You have " + owned + " subscriptions, the most one user may have (" + MAX_PER_USER
									+ "); delete one first"))
					: this.subscriptions.insert(subscription))
			.map(saved -> ResponseEntity.created(URI.create("/api/v1/subscriptions/" + saved.id())).body(saved));
	}

	@Operation(operationId = "listSubscriptions", summary = "The caller's subscriptions",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	Mono<List<Subscription>> list(@AuthenticationPrincipal Jwt caller) {
		return this.subscriptions.ownedBy(caller.getSubject()).collectList();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT) // what springdoc documents; the ResponseEntity
											// sets it
	@Operation(operationId = "deleteSubscription", summary = "Remove one of the caller's subscriptions",
			security = @SecurityRequirement(name = "bearer"))
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		ValidationProblem.requireId("id", id);
		return this.subscriptions.delete(id, caller.getSubject())
			.flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(new NotFound("Subscription", id)));
	}

}
