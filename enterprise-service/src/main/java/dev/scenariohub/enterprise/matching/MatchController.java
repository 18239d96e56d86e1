package dev.scenariohub.enterprise.matching;

import java.util.List;

import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/matches?enterpriseId=…} or {@code ?scenarioId=…} (officers). */
@Tag(name = "Matching",
		description = "Open scenarios for an enterprise and enterprises for a scenario, ranked by fit with the reasons.")
@RestController
public class MatchController {

	private final MatchingService matching;

	public MatchController(MatchingService matching) {
		this.matching = matching;
	}

	@Operation(operationId = "listMatches", summary = "Matches for an enterprise or for a scenario, best first",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/api/v1/matches")
	Mono<List<MatchingService.Match>> matches(@RequestParam(required = false) String enterpriseId,
			@RequestParam(required = false) String scenarioId, @RequestParam(required = false) Integer limit,
			Authentication authentication) {
		int size = Cursors.limit(limit);
		Caller caller = Caller.of(authentication);
		if ((enterpriseId == null) == (scenarioId == null)) {
			throw ValidationProblem.of("enterpriseId", "give exactly one of enterpriseId and scenarioId");
		}
		if (enterpriseId != null) {
			return this.matching.scenariosFor(ValidationProblem.requireId("enterpriseId", enterpriseId), caller, size);
		}
		if (!caller.officer()) {
			throw ApiException.forbidden("only officers match enterprises to a scenario");
		}
		return this.matching.enterprisesFor(ValidationProblem.requireId("scenarioId", scenarioId), size);
	}

}
