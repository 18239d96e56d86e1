package dev.scenariohub.scenario.review;

import java.util.List;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Review: officers assign and rank; reviewers declare ties, score and recuse, blind. */
@Tag(name = "Reviews", description = "Blind expert review: assignments, affiliations, scores, recusal and ranking.")
@RestController
public class ReviewController {

	private final ReviewService reviews;

	public ReviewController(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Operation(operationId = "declareAffiliations", summary = "Declare the enterprises the calling reviewer is tied to",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.REVIEWER))
	@PutMapping("/api/v1/reviewers/me/affiliations")
	Mono<Affiliations> declare(@Valid @RequestBody ReviewRequests.DeclareAffiliations body,
			@AuthenticationPrincipal Jwt reviewer) {
		return this.reviews.declare(reviewer.getSubject(), body.enterpriseIds(), body.creditCodes());
	}

	@Operation(operationId = "getAffiliations", summary = "The calling reviewer's declared affiliations",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.REVIEWER))
	@GetMapping("/api/v1/reviewers/me/affiliations")
	Mono<Affiliations> affiliations(@AuthenticationPrincipal Jwt reviewer) {
		return this.reviews.affiliationsOf(reviewer.getSubject());
	}

	@Operation(operationId = "assignReviewer", summary = "Assign a reviewer to an application (never a conflicted one)",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/scenarios/{id}/review-assignments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ReviewViews.OfficerAssignment> assign(@PathVariable String id, @Valid @RequestBody ReviewRequests.Assign body,
			@AuthenticationPrincipal Jwt officer) {
		ValidationProblem.requireId("id", id);
		return this.reviews.assign(id, body.applicationId(), body.reviewer(), officer.getSubject());
	}

	@Operation(operationId = "assignReviewersAutomatically",
			summary = "Assign reviewers to every application, balancing the load",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@PostMapping("/api/v1/scenarios/{id}/review-assignments/auto")
	Mono<List<ReviewViews.OfficerAssignment>> autoAssign(@PathVariable String id,
			@Valid @RequestBody ReviewRequests.AutoAssign body, @AuthenticationPrincipal Jwt officer) {
		ValidationProblem.requireId("id", id);
		return this.reviews.autoAssign(id, body.reviewers().stream().distinct().toList(), body.perApplication(),
				officer.getSubject());
	}

	@Operation(operationId = "listReviewAssignments", summary = "The review assignments of a scenario",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@GetMapping("/api/v1/scenarios/{id}/review-assignments")
	Mono<List<ReviewViews.OfficerAssignment>> assignments(@PathVariable String id) {
		ValidationProblem.requireId("id", id);
		return this.reviews.assignmentsOf(id);
	}

	@Operation(operationId = "getRanking", summary = "Applications ranked by weighted score",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.OFFICER))
	@GetMapping("/api/v1/scenarios/{id}/ranking")
	Mono<List<Ranking.Entry>> ranking(@PathVariable String id) {
		ValidationProblem.requireId("id", id);
		return this.reviews.ranking(id);
	}

	@Operation(operationId = "listMyAssignments", summary = "The calling reviewer's assignments, blind",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.REVIEWER))
	@GetMapping("/api/v1/reviews/assignments")
	Mono<List<ReviewViews.BlindAssignment>> mine(@AuthenticationPrincipal Jwt reviewer) {
		return this.reviews.mine(reviewer.getSubject()).collectList();
	}

	@Operation(operationId = "submitScores", summary = "Score an assigned application on every rubric criterion",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.REVIEWER))
	@PostMapping("/api/v1/reviews/assignments/{id}/scores")
	Mono<ReviewViews.BlindAssignment> score(@PathVariable String id, @Valid @RequestBody ReviewRequests.Scores body,
			@AuthenticationPrincipal Jwt reviewer) {
		ValidationProblem.requireId("id", id);
		return this.reviews.submit(id, reviewer.getSubject(), body.scores(), body.comment());
	}

	@Operation(operationId = "recuseFromAssignment", summary = "Recuse from an assignment, with a reason",
			security = @SecurityRequirement(name = "bearer", scopes = Roles.REVIEWER))
	@PostMapping("/api/v1/reviews/assignments/{id}/recuse")
	Mono<ReviewViews.BlindAssignment> recuse(@PathVariable String id, @Valid @RequestBody ReviewRequests.Recuse body,
			@AuthenticationPrincipal Jwt reviewer) {
		ValidationProblem.requireId("id", id);
		return this.reviews.recuse(id, reviewer.getSubject(), body.reason());
	}

}
