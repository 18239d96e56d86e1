package dev.scenariohub.notification.delivery;

import java.util.List;

import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What went to one of the caller's webhooks, and a test event on request. */
@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/v1/webhooks/{id}")
public class WebhookDeliveryController {

	private final WebhookRepository webhooks;

	private final DeliveryPlanner planner;

	public WebhookDeliveryController(WebhookRepository webhooks, DeliveryPlanner planner) {
		this.webhooks = webhooks;
		this.planner = planner;
	}

	@Operation(operationId = "listWebhookDeliveries", summary = "Recent deliveries of a webhook and their outcome",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/deliveries")
	Mono<List<Delivery>> deliveries(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		ValidationProblem.requireId("id", id);
		return this.webhooks.findOwn(id, caller.getSubject())
			.flatMap(webhook -> this.planner.deliveriesOf(webhook.id()).collectList());
	}

	@ResponseStatus(HttpStatus.ACCEPTED) // what springdoc documents; the ResponseEntity
											// sets it
	@Operation(operationId = "pingWebhook", summary = "Send a test event to a webhook",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/ping")
	Mono<ResponseEntity<Void>> ping(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		ValidationProblem.requireId("id", id);
		return this.webhooks.findOwn(id, caller.getSubject())
			.flatMap(this.planner::ping)
			.thenReturn(ResponseEntity.accepted().<Void>build());
	}

}
