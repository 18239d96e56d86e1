package dev.scenariohub.scenario.scenario;

import java.net.URI;
import java.util.List;

import dev.scenariohub.platform.events.HistoryEntry;
import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.IdempotencyKeys;
import dev.scenariohub.platform.web.Page;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** HTTP for scenarios and their lifecycle transitions: map, validate, delegate. */
@Tag(name = "Scenarios",
		description = "Application scenarios and their lifecycle: DRAFT, OPEN, CLOSED, UNDER_REVIEW, AWARDED, PILOTING, COMPLETED or CANCELLED.")
@RestController
@RequestMapping("/api/v1/scenarios")
public class ScenarioController {

	private final ScenarioService scenarios;

	private final IdempotencyKeys idempotency;

	public ScenarioController(ScenarioService scenarios, IdempotencyKeys idempotency) {
		this.scenarios = scenarios;
		this.idempotency = idempotency;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "createScenario", summary = "Create a scenario as a DRAFT",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping
	Mono<ResponseEntity<ScenarioView>> create(@Valid @RequestBody ScenarioRequests.Create request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Jwt officer) {
		return this.idempotency.once(officer.getSubject(), idempotencyKey, request, ScenarioView.class,
				() -> this.scenarios.create(request, officer.getSubject())
					.map(view -> ResponseEntity.created(URI.create("/api/v1/scenarios/" + view.id()))
						.eTag(ETags.of(view.version()))
						.body(view)));
	}

	@Operation(operationId = "listScenarios", summary = "List scenarios (drafts only for officers)")
	@GetMapping
	Mono<Page<ScenarioView>> list(@RequestParam(required = false) ScenarioStatus status,
			@RequestParam(required = false) Sector sector, @RequestParam(required = false) String programId,
			@RequestParam(required = false) String capability, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			Authentication caller, ServerHttpRequest request) {
		if (programId != null) {
			ValidationProblem.requireId("programId", programId);
		}
		if (q != null && (q.isBlank() || q.length() > 100)) {
			throw ValidationProblem.of("q", "must be 1 to 100 characters");
		}
		if (capability != null && !capability.matches(ScenarioRequests.TAG)) {
			throw ValidationProblem.of("capability", ScenarioRequests.TAG_MESSAGE);
		}
		int size = Cursors.limit(limit);
		ScenarioFilter filter = new ScenarioFilter(status, sector, programId, capability, q == null ? null : q.strip());
		return this.scenarios.list(filter, Caller.of(caller).officer(), Cursors.decode(cursor), size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, ScenarioView::id, Page.nextLinks(request, size)));
	}

	@Operation(operationId = "getScenario", summary = "Read a scenario (drafts only for officers)")
	@GetMapping("/{id}")
	Mono<ResponseEntity<ScenarioView>> get(@PathVariable String id, Authentication caller) {
		return this.scenarios.get(id, Caller.of(caller).officer()).map(ScenarioController::withETag);
	}

	@Operation(operationId = "getScenarioHistory", summary = "Who did what to a scenario, and when",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@GetMapping("/{id}/history")
	Mono<List<HistoryEntry>> history(@PathVariable String id, Authentication caller) {
		return this.scenarios.history(id, Caller.of(caller).officer());
	}

	@Operation(operationId = "updateScenario",
			summary = "Change a scenario (If-Match); a material change to an OPEN one asks applicants to re-confirm",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PatchMapping("/{id}")
	Mono<ResponseEntity<ScenarioView>> patch(@PathVariable String id, @Valid @RequestBody ScenarioRequests.Patch patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios.change(id, ifMatch, patch, officer.getSubject()).map(ScenarioController::withETag);
	}

	@Operation(operationId = "publishScenario", summary = "Publish a DRAFT scenario: it opens for applications",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/publish")
	Mono<ResponseEntity<ScenarioView>> publish(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios
			.transition(id, ifMatch, s -> s.publish(this.scenarios.clock().instant(), officer.getSubject()))
			.map(ScenarioController::withETag);
	}

	@Operation(operationId = "closeScenario", summary = "Close an OPEN scenario before its deadline",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/close")
	Mono<ResponseEntity<ScenarioView>> close(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios
			.transition(id, ifMatch, s -> s.close(this.scenarios.clock().instant(), officer.getSubject()))
			.map(ScenarioController::withETag);
	}

	@Operation(operationId = "cancelScenario", summary = "Cancel a scenario, with a reason",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/cancel")
	Mono<ResponseEntity<ScenarioView>> cancel(@PathVariable String id, @Valid @RequestBody ScenarioRequests.Cancel body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios.cancel(id, ifMatch, body.reason(), officer.getSubject())
			.map(ScenarioController::withETag);
	}

	@Operation(operationId = "startScenarioReview", summary = "Start reviewing a CLOSED scenario's applications",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/start-review")
	Mono<ResponseEntity<ScenarioView>> startReview(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios.transition(id, ifMatch, s -> s.startReview(officer.getSubject()))
			.map(ScenarioController::withETag);
	}

	@Operation(operationId = "startScenarioPilot", summary = "Start the pilot of an AWARDED scenario",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/start-pilot")
	Mono<ResponseEntity<ScenarioView>> startPilot(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios.transition(id, ifMatch, s -> s.startPilot(officer.getSubject()))
			.map(ScenarioController::withETag);
	}

	@Operation(operationId = "completeScenario", summary = "Complete a PILOTING scenario once its milestones are done",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/complete")
	Mono<ResponseEntity<ScenarioView>> complete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		return this.scenarios.transition(id, ifMatch, s -> s.complete(officer.getSubject()))
			.map(ScenarioController::withETag);
	}

	private static ResponseEntity<ScenarioView> withETag(ScenarioView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}

}
