package dev.scenariohub.scenario.review;

import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.web.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the review endpoints. */
public final class ReviewRequests {

	static final String ID = "[0-9a-f]{24}";

	static final String SUB = "[A-Za-z0-9._@-]{1,100}";

	private ReviewRequests() {
	}

	/** {@code PUT /api/v1/reviewers/me/affiliations}. */
	public record DeclareAffiliations(
			@NotNull @Size(
					max = 200) List<@NotNull @Pattern(regexp = ID, message = "is not a valid id") String> enterpriseIds,
			@NotNull @Size(max = 200) List<@NotNull @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}",
					message = "is not a unified social credit code") String> creditCodes) {
	}

	/** {@code POST /api/v1/scenarios/{id}/review-assignments}. */
	@Schema(name = "AssignReviewer")
	public record Assign(@NotNull @Pattern(regexp = ID, message = "is not a valid id") String applicationId,
			@NotNull @Pattern(regexp = SUB, message = "is not a valid subject") String reviewer) {
	}

	/** {@code POST /api/v1/scenarios/{id}/review-assignments/auto}. */
	@Schema(name = "AssignReviewersAutomatically")
	public record AutoAssign(@NotEmpty @Size(
			max = 200) List<@NotNull @Pattern(regexp = SUB, message = "is not a valid subject") String> reviewers,
			@NotNull @Min(1) @Max(10) Integer perApplication) {
	}

	/** {@code POST /api/v1/reviews/assignments/{id}/scores}. */
	@Schema(name = "ReviewScores")
	public record Scores(
			@NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}",
					message = "is not a criterion key") String, @NotNull Integer> scores,
			@Size(max = 10_000) String comment) {
	}

	/** {@code POST /api/v1/reviews/assignments/{id}/recuse}. */
	@Schema(name = "Recusal")
	public record Recuse(@NotBlank @VisibleText(multiline = true) @Size(max = 2_000) String reason) {
	}

}
