package dev.scenariohub.enterprise.application;

import java.net.URI;

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

/** HTTP for applications. */
@Tag(name = "Applications", description = "Enterprises' applications to scenarios, from draft to award.")
@RestController
@RequestMapping("/api/v1/applications")
public class ApplicationController {

	private final ApplicationService applications;

	private final IdempotencyKeys idempotency;

	public ApplicationController(ApplicationService applications, IdempotencyKeys idempotency) {
		this.applications = applications;
		this.idempotency = idempotency;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "createApplication", summary = "Start an application (a DRAFT) to an open scenario",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping
	Mono<ResponseEntity<ApplicationView>> create(@Valid @RequestBody ApplicationRequests.Create request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller) {
		return this.idempotency.once(caller.getName(), idempotencyKey, request, ApplicationView.class,
				() -> this.applications.create(request, Caller.of(caller))
					.map(view -> ResponseEntity.created(URI.create("/api/v1/applications/" + view.id()))
						.eTag(ETags.of(view.version()))
						.body(view)));
	}

	@Operation(operationId = "listApplications", summary = "List applications (an enterprise user sees its own)",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping
	Mono<Page<ApplicationView>> list(@RequestParam(required = false) String scenarioId,
			@RequestParam(required = false) String enterpriseId,
			@RequestParam(required = false) ApplicationStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, Authentication caller, ServerHttpRequest request) {
		if (scenarioId != null) {
			ValidationProblem.requireId("scenarioId", scenarioId);
		}
		if (enterpriseId != null) {
			ValidationProblem.requireId("enterpriseId", enterpriseId);
		}
		int size = Cursors.limit(limit);
		return this.applications
			.list(scenarioId, enterpriseId, status, Caller.of(caller), Cursors.decode(cursor), size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, ApplicationView::id, Page.nextLinks(request, size)));
	}

	@Operation(operationId = "getApplication", summary = "Read an application",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/{id}")
	Mono<ResponseEntity<ApplicationView>> get(@PathVariable String id, Authentication caller) {
		return this.applications.visible(id, Caller.of(caller))
			.map(a -> withETag(ApplicationView.of(a.state(), a.version())));
	}

	@Operation(operationId = "updateApplication", summary = "Change a DRAFT application (If-Match)",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PatchMapping("/{id}")
	Mono<ResponseEntity<ApplicationView>> patch(@PathVariable String id,
			@Valid @RequestBody ApplicationRequests.Patch patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication caller) {
		return this.applications.change(id, ifMatch, patch, Caller.of(caller)).map(ApplicationController::withETag);
	}

	@Operation(operationId = "submitApplication", summary = "Submit an application before the window closes",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping("/{id}/submit")
	Mono<ResponseEntity<ApplicationView>> submit(@PathVariable String id, Authentication caller) {
		return this.applications.submit(id, Caller.of(caller)).map(ApplicationController::withETag);
	}

	@Operation(operationId = "withdrawApplication", summary = "Withdraw a submitted application",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping("/{id}/withdraw")
	Mono<ResponseEntity<ApplicationView>> withdraw(@PathVariable String id, Authentication caller) {
		return this.applications.withdraw(id, Caller.of(caller)).map(ApplicationController::withETag);
	}

	@Operation(operationId = "reconfirmApplication",
			summary = "Re-confirm an application after a material change to its scenario",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping("/{id}/reconfirm")
	Mono<ResponseEntity<ApplicationView>> reconfirm(@PathVariable String id, Authentication caller) {
		return this.applications.reconfirm(id, Caller.of(caller)).map(ApplicationController::withETag);
	}

	private static ResponseEntity<ApplicationView> withETag(ApplicationView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}

}
