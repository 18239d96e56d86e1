package dev.scenariohub.enterprise.enterprise;

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

/** HTTP for enterprises: register, read, change, members, verification. */
@Tag(name = "Enterprises", description = "Enterprises, their members and their verification.")
@RestController
@RequestMapping("/api/v1/enterprises")
public class EnterpriseController {

	private final EnterpriseService enterprises;

	private final IdempotencyKeys idempotency;

	public EnterpriseController(EnterpriseService enterprises, IdempotencyKeys idempotency) {
		this.enterprises = enterprises;
		this.idempotency = idempotency;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "registerEnterprise", summary = "Register the caller's enterprise; it awaits verification",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping
	Mono<ResponseEntity<EnterpriseView>> register(@Valid @RequestBody EnterpriseRequests.Register request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller) {
		return this.idempotency.once(caller.getName(), idempotencyKey, request, EnterpriseView.class,
				() -> this.enterprises.register(request, caller.getName())
					.map(view -> ResponseEntity.created(URI.create("/api/v1/enterprises/" + view.id()))
						.eTag(ETags.of(view.version()))
						.body(view)));
	}

	@Operation(operationId = "listEnterprises", summary = "List enterprises (an enterprise user sees its own)",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping
	Mono<Page<EnterpriseView>> list(@RequestParam(required = false) EnterpriseStatus status,
			@RequestParam(required = false) EnterpriseCategory category,
			@RequestParam(required = false) String capability, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			Authentication caller, ServerHttpRequest request) {
		if (q != null && (q.isBlank() || q.length() > 100)) {
			throw ValidationProblem.of("q", "must be 1 to 100 characters");
		}
		if (capability != null && !capability.matches(EnterpriseRequests.TAG)) {
			throw ValidationProblem.of("capability", EnterpriseRequests.TAG_MESSAGE);
		}
		int size = Cursors.limit(limit);
		EnterpriseFilter filter = new EnterpriseFilter(status, category, capability, q == null ? null : q.strip());
		return this.enterprises.list(filter, Caller.of(caller), Cursors.decode(cursor), size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, EnterpriseView::id, Page.nextLinks(request, size)));
	}

	@Operation(operationId = "getEnterprise", summary = "Read an enterprise",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/{id}")
	Mono<ResponseEntity<EnterpriseView>> get(@PathVariable String id, Authentication caller) {
		return this.enterprises.visible(id, Caller.of(caller))
			.map(e -> withETag(EnterpriseView.of(e.state(), e.version())));
	}

	@Operation(operationId = "getEnterpriseHistory", summary = "Who did what to an enterprise, and when",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/{id}/history")
	Mono<List<HistoryEntry>> history(@PathVariable String id, Authentication caller) {
		return this.enterprises.history(id, Caller.of(caller));
	}

	@Operation(operationId = "updateEnterprise",
			summary = "Change the caller's enterprise (If-Match); a category change sends it back to verification",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PatchMapping("/{id}")
	Mono<ResponseEntity<EnterpriseView>> patch(@PathVariable String id,
			@Valid @RequestBody EnterpriseRequests.Patch patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication caller) {
		return this.enterprises.change(id, ifMatch, patch, Caller.of(caller)).map(EnterpriseController::withETag);
	}

	@Operation(operationId = "addEnterpriseMember", summary = "Add a member to the caller's enterprise",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping("/{id}/members")
	Mono<ResponseEntity<EnterpriseView>> addMember(@PathVariable String id,
			@Valid @RequestBody EnterpriseRequests.Member body, Authentication caller) {
		return this.enterprises.addMember(id, body.sub(), Caller.of(caller)).map(EnterpriseController::withETag);
	}

	@Operation(operationId = "verifyEnterprise", summary = "Verify a PENDING enterprise",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/verify")
	Mono<ResponseEntity<EnterpriseView>> verify(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication officer) {
		return this.enterprises.decide(id, ifMatch, Caller.of(officer), e -> e.verify(officer.getName()))
			.map(EnterpriseController::withETag);
	}

	@Operation(operationId = "rejectEnterprise", summary = "Reject a PENDING enterprise, with a reason",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/reject")
	Mono<ResponseEntity<EnterpriseView>> reject(@PathVariable String id,
			@Valid @RequestBody EnterpriseRequests.Reason body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication officer) {
		return this.enterprises.decide(id, ifMatch, Caller.of(officer), e -> e.reject(body.reason(), officer.getName()))
			.map(EnterpriseController::withETag);
	}

	@Operation(operationId = "overrideCreditCode",
			summary = "Accept a credit code that fails the checksum after an audit",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/{id}/credit-code-override")
	Mono<ResponseEntity<EnterpriseView>> overrideCreditCode(@PathVariable String id,
			@Valid @RequestBody EnterpriseRequests.Reason body, Authentication officer) {
		return this.enterprises
			.decide(id, null, Caller.of(officer),
					e -> e.overrideCreditCode(body.reason(), officer.getName(), this.enterprises.clock().instant()))
			.map(EnterpriseController::withETag);
	}

	private static ResponseEntity<EnterpriseView> withETag(EnterpriseView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}

}
