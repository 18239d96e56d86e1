package dev.scenariohub.enterprise.readmodel;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.Page;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The scenarios open for applications, as this service knows them from scenario events:
 * what an enterprise can apply to (and, with matching, what fits it).
 */
@Tag(name = "Matching")
@RestController
@RequestMapping("/api/v1/matches/open-scenarios")
public class OpenScenarioController {

	private final KnownScenarioRepository scenarios;

	public OpenScenarioController(KnownScenarioRepository scenarios) {
		this.scenarios = scenarios;
	}

	@Operation(operationId = "listKnownOpenScenarios",
			summary = "The open scenarios enterprise-service knows of (its read model)",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping
	Mono<Page<KnownScenario>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, ServerHttpRequest request) {
		int size = Cursors.limit(limit);
		String after = Cursors.decode(cursor);
		return this.scenarios.open(after, size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, KnownScenario::id, Page.nextLinks(request, size)));
	}

	@Operation(operationId = "getKnownOpenScenario", summary = "One scenario as enterprise-service knows it",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/{id}")
	Mono<KnownScenario> get(@PathVariable String id) {
		ValidationProblem.requireId("id", id);
		return this.scenarios.findById(id)
			.filter(scenario -> "OPEN".equals(scenario.status()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Open scenario", id)));
	}

}
