package dev.scenariohub.scenario.award;

import java.util.List;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.ValidationProblem;
import dev.scenariohub.platform.web.VisibleText;
import dev.scenariohub.scenario.scenario.Award;
import dev.scenariohub.scenario.scenario.Milestone;
import dev.scenariohub.scenario.scenario.Objection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Awards (officers), objections (applicants during standstill) and their resolution
 * (officers).
 */
@Tag(name = "Awards", description = "Provisional awards, the standstill and objections.")
@RestController
public class AwardController {

	/** {@code POST /api/v1/scenarios/{id}/award}. */
	@Schema(name = "AwardApplications")
	public record AwardRequest(@NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = "[0-9a-f]{24}",
			message = "is not a valid id") String> applicationIds) {
	}

	/** {@code POST /api/v1/scenarios/{id}/objections}. */
	@Schema(name = "LodgeObjection")
	public record ObjectionRequest(
			@NotNull @Pattern(regexp = "[0-9a-f]{24}", message = "is not a valid id") String applicationId,
			@NotBlank @VisibleText(multiline = true) @Size(max = 5_000) String reason) {
	}

	/** The award as it stands after the request. */
	public record AwardView(String scenarioId, Award award) {
	}

	/**
	 * A scenario's outcome: the award as it stands, objections to it, the pilot's
	 * milestones.
	 */
	@Schema(name = "ScenarioOutcome")
	public record OutcomeView(String scenarioId, Award award, List<Objection> objections, List<Milestone> milestones) {
	}

	private final AwardService awards;

	public AwardController(AwardService awards) {
		this.awards = awards;
	}

	@Operation(operationId = "awardScenario",
			summary = "Award applications provisionally, reserving support from the program's pools",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/scenarios/{id}/award")
	Mono<AwardView> award(@PathVariable String id, @Valid @RequestBody AwardRequest body,
			@AuthenticationPrincipal Jwt officer) {
		ValidationProblem.requireId("id", id);
		return this.awards.award(id, body.applicationIds(), officer.getSubject())
			.map(s -> new AwardView(s.id(), s.award()));
	}

	@Operation(operationId = "getScenarioOutcome",
			summary = "The award as it stands (absent before one), the objections lodged against it and the pilot's milestones",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@GetMapping("/api/v1/scenarios/{id}/outcome")
	Mono<OutcomeView> outcome(@PathVariable String id) {
		return this.awards.outcome(id).map(s -> new OutcomeView(s.id(), s.award(), s.objections(), s.milestones()));
	}

	@Operation(operationId = "lodgeObjection", summary = "Object to an award during the standstill",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.ENTERPRISE))
	@PostMapping("/api/v1/scenarios/{id}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Objection> object(@PathVariable String id, @Valid @RequestBody ObjectionRequest body,
			@AuthenticationPrincipal Jwt applicant) {
		ValidationProblem.requireId("id", id);
		return this.awards.lodge(id, body.applicationId(), body.reason(), applicant.getSubject());
	}

	@Operation(operationId = "upholdObjection",
			summary = "Uphold an objection: the award is withdrawn and its reservation released",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/objections/{id}/uphold")
	Mono<Objection> uphold(@PathVariable String id, @AuthenticationPrincipal Jwt officer) {
		ValidationProblem.requireId("id", id);
		return this.awards.resolve(id, true, officer.getSubject());
	}

	@Operation(operationId = "dismissObjection", summary = "Dismiss an objection",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/objections/{id}/dismiss")
	Mono<Objection> dismiss(@PathVariable String id, @AuthenticationPrincipal Jwt officer) {
		ValidationProblem.requireId("id", id);
		return this.awards.resolve(id, false, officer.getSubject());
	}

}
