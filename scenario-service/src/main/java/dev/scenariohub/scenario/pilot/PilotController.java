package dev.scenariohub.scenario.pilot;

import java.time.LocalDate;

import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.ValidationProblem;
import dev.scenariohub.platform.web.VisibleText;
import dev.scenariohub.scenario.scenario.Milestone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Pilot milestones. */
@Tag(name = "Pilots", description = "Pilot milestones after an award.")
@RestController
public class PilotController {

	/** {@code POST /api/v1/scenarios/{id}/milestones}. */
	@Schema(name = "ScheduleMilestone")
	public record ScheduleRequest(
			@NotNull @Pattern(regexp = "[0-9a-f]{24}", message = "is not a valid id") String applicationId,
			@NotBlank @VisibleText @Size(max = 200) String title, @Size(max = 2_000) String deliverable,
			@NotNull LocalDate dueOn) {
	}

	/** {@code POST /api/v1/milestones/{id}/complete}. */
	@Schema(name = "PilotCompletion", description = "The closing report of a pilot.")
	public record CompleteRequest(@NotBlank @VisibleText(multiline = true) @Size(max = 5_000) String report) {
	}

	private final PilotService pilots;

	public PilotController(PilotService pilots) {
		this.pilots = pilots;
	}

	@Operation(operationId = "scheduleMilestone", summary = "Schedule a pilot milestone",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/scenarios/{id}/milestones")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Milestone> schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest body,
			Authentication officer) {
		ValidationProblem.requireId("id", id);
		return this.pilots.schedule(id, body.applicationId(), body.title(), body.deliverable(), body.dueOn(),
				officer.getName());
	}

	@Operation(operationId = "completeMilestone", summary = "Complete a milestone with its deliverable",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.OFFICER, Roles.ENTERPRISE }))
	@PostMapping("/api/v1/milestones/{id}/complete")
	Mono<Milestone> complete(@PathVariable String id, @Valid @RequestBody CompleteRequest body, Authentication caller) {
		ValidationProblem.requireId("id", id);
		boolean officer = Caller.of(caller).officer();
		return this.pilots.complete(id, body.report(), ((JwtAuthenticationToken) caller).getToken().getSubject(),
				officer);
	}

}
