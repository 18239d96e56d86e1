package dev.scenariohub.enterprise.application;

import java.util.List;

import dev.scenariohub.platform.web.Money;
import dev.scenariohub.platform.web.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the application endpoints. */
public final class ApplicationRequests {

	static final String ID = "[0-9a-f]{24}";

	private ApplicationRequests() {
	}

	/** {@code POST /api/v1/applications}. */
	@Schema(name = "CreateApplication", description = "A new application (a DRAFT).")
	public record Create(@NotNull @Pattern(regexp = ID, message = "is not a valid id") String scenarioId,
			@NotNull @Pattern(regexp = ID, message = "is not a valid id") String enterpriseId,
			@NotBlank @VisibleText(multiline = true) @Size(max = 5_000) String summary,
			@Size(max = 20_000) String technicalApproach, @Size(max = 5_000) String team,
			@Size(max = 20) List<@NotNull @Valid MilestoneRequest> milestones, @NotNull @Valid Money requestedFunding,
			@NotNull @Min(0) @Max(10_000_000) Long requestedComputeGpuHours) {

		ApplicationDraft toDraft() {
			return new ApplicationDraft(this.scenarioId, this.enterpriseId, this.summary, this.technicalApproach,
					this.team, MilestoneRequest.all(this.milestones), this.requestedFunding.toMinor(),
					this.requestedComputeGpuHours);
		}
	}

	/** {@code PATCH /api/v1/applications/{id}} while DRAFT. */
	@Schema(name = "ApplicationChanges",
			description = "Changes to a DRAFT application: the fields given, nothing else.")
	public record Patch(@VisibleText(multiline = true) @Size(min = 1, max = 5_000) String summary,
			@Size(max = 20_000) String technicalApproach, @Size(max = 5_000) String team,
			@Size(max = 20) List<@NotNull @Valid MilestoneRequest> milestones, @Valid Money requestedFunding,
			@Min(0) @Max(10_000_000) Long requestedComputeGpuHours) {

		ApplicationDraft toChanges() {
			return new ApplicationDraft(null, null, this.summary, this.technicalApproach, this.team,
					this.milestones == null ? null : MilestoneRequest.all(this.milestones),
					this.requestedFunding == null ? null : this.requestedFunding.toMinor(),
					this.requestedComputeGpuHours);
		}
	}

	/** A milestone the applicant offers. */
	public record MilestoneRequest(@NotBlank @VisibleText @Size(max = 200) String title,
			@Size(max = 2_000) String deliverable,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date yyyy-MM-dd") String dueOn) {

		static List<ApplicationState.OfferedMilestone> all(List<MilestoneRequest> milestones) {
			return milestones == null ? List.of()
					: milestones.stream()
						.map(m -> new ApplicationState.OfferedMilestone(m.title(), m.deliverable(), m.dueOn()))
						.toList();
		}
	}

}
