package dev.scenariohub.scenario.program;

import java.net.URI;
import java.time.Clock;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.IdempotencyKeys;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.Page;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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

/** Programs: officers write, anyone reads. */
@Tag(name = "Programs", description = "Themed calls with funding and compute pools; awards reserve from the pools.")
@RestController
@RequestMapping("/api/v1/programs")
public class ProgramController {

	private final ProgramRepository programs;

	private final IdempotencyKeys idempotency;

	private final Clock clock;

	public ProgramController(ProgramRepository programs, IdempotencyKeys idempotency, Clock clock) {
		this.programs = programs;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@ResponseStatus(HttpStatus.CREATED) // what springdoc documents; the ResponseEntity
										// sets it
	@Operation(operationId = "createProgram", summary = "Create a program with its budget pools",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping
	Mono<ResponseEntity<ProgramView>> create(@Valid @RequestBody ProgramRequests.Create request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Jwt officer) {
		return this.idempotency.once(officer.getSubject(), idempotencyKey, request, ProgramView.class, () -> {
			Program program = Program.create(new ObjectId().toHexString(), request.toDraft(), officer.getSubject(),
					this.clock.instant());
			return this.programs.insert(program)
				.map(version -> ResponseEntity.created(URI.create("/api/v1/programs/" + program.id()))
					.eTag(ETags.of(version))
					.body(ProgramView.of(program.state(), version)));
		});
	}

	@Operation(operationId = "listPrograms", summary = "List programs with their pools")
	@GetMapping
	Mono<Page<ProgramView>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, ServerHttpRequest request) {
		int size = Cursors.limit(limit);
		return this.programs.list(Cursors.decode(cursor), size + 1)
			.map(p -> ProgramView.of(p.state(), p.version()))
			.collectList()
			.map(fetched -> Page.of(fetched, size, ProgramView::id, Page.nextLinks(request, size)));
	}

	@Operation(operationId = "getProgram", summary = "Read a program: total, reserved and remaining of each pool")
	@GetMapping("/{id}")
	Mono<ResponseEntity<ProgramView>> get(@PathVariable String id) {
		return load(id)
			.map(p -> ResponseEntity.ok().eTag(ETags.of(p.version())).body(ProgramView.of(p.state(), p.version())));
	}

	@Operation(operationId = "updateProgram", summary = "Change a program (If-Match)",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PatchMapping("/{id}")
	Mono<ResponseEntity<ProgramView>> patch(@PathVariable String id, @Valid @RequestBody ProgramRequests.Patch request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal Jwt officer) {
		long expected = ETags.requireIfMatch(ifMatch);
		return load(id).flatMap(program -> {
			if (program.version() != expected) {
				return Mono.error(ETags.staleVersion(expected, program.version()));
			}
			Program changed = program.change(request.toChanges(), officer.getSubject());
			return this.programs.update(changed)
				.map(version -> ResponseEntity.ok()
					.eTag(ETags.of(version))
					.body(ProgramView.of(changed.state(), version)));
		});
	}

	private Mono<Program> load(String id) {
		ValidationProblem.requireId("id", id);
		return this.programs.findById(id).switchIfEmpty(Mono.error(() -> new NotFound("Program", id)));
	}

}
