package dev.scenariohub.scenario.scenario;

import java.time.OffsetDateTime;
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

/** Bodies of the scenario endpoints. */
public final class ScenarioRequests {

	static final String TAG = "[a-z0-9][a-z0-9-]{0,59}";

	static final String TAG_MESSAGE = "must be a lower-case tag such as computer-vision";

	private ScenarioRequests() {
	}

	/** {@code POST /api/v1/scenarios}. */
	@Schema(name = "CreateScenario", description = "A new scenario (a DRAFT).")
	public record Create(@NotBlank @Pattern(regexp = "[0-9a-f]{24}", message = "is not a valid id") String programId,
			@NotBlank @VisibleText @Size(max = 200) String title, @NotNull Sector sector,
			@NotBlank @VisibleText @Size(max = 200) String demandOwner,
			@NotBlank @VisibleText(multiline = true) @Size(max = 20_000) String description,
			@Size(max = 20_000) String requirements,
			@Size(max = 30) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> requiredCapabilities,
			@Size(max = 5) List<@NotNull EnterpriseCategory> eligibleCategories, @NotNull @Valid SupportRequest support,
			@NotNull @Min(1) @Max(100) Integer maxAwards, @NotNull OffsetDateTime opensAt,
			@NotNull OffsetDateTime closesAt, @Size(max = 60) String timeZone,
			@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid CriterionRequest> rubric) {
	}

	/** {@code PATCH /api/v1/scenarios/{id}}: only the fields given change. */
	@Schema(name = "ScenarioChanges", description = "Changes to a scenario: the fields given, nothing else.")
	public record Patch(@VisibleText @Size(min = 1, max = 200) String title, Sector sector,
			@VisibleText @Size(min = 1, max = 200) String demandOwner,
			@VisibleText(multiline = true) @Size(min = 1, max = 20_000) String description,
			@Size(max = 20_000) String requirements,
			@Size(max = 30) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> requiredCapabilities,
			@Size(max = 5) List<@NotNull EnterpriseCategory> eligibleCategories, @Valid SupportRequest support,
			@Min(1) @Max(100) Integer maxAwards, OffsetDateTime opensAt, OffsetDateTime closesAt,
			@Size(min = 1, max = 20) List<@NotNull @Valid CriterionRequest> rubric) {
	}

	/** Support per award. */
	public record SupportRequest(@NotNull @Valid Money funding, @NotNull @Min(0) @Max(10_000_000) Long computeGpuHours,
			@Size(max = 2_000) String dataAccess, @Size(max = 500) String pilotSite) {

		Support toSupport() {
			return new Support(this.funding.toMinor(), this.computeGpuHours, this.dataAccess, this.pilotSite);
		}
	}

	/** One rubric criterion; anchors are six texts for levels 0 to 5, or none. */
	public record CriterionRequest(
			@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}",
					message = "must be a lower-case key such as feasibility") String key,
			@NotBlank @VisibleText @Size(max = 200) String name, @NotNull @Min(1) @Max(100) Integer weight,
			@Size(max = 6) List<@NotBlank @VisibleText @Size(max = 500) String> anchors) {

		Criterion toCriterion() {
			return new Criterion(this.key, this.name, this.weight, this.anchors == null ? List.of() : this.anchors);
		}
	}

	/** {@code POST /api/v1/scenarios/{id}/cancel}. */
	@Schema(name = "ScenarioCancellation")
	public record Cancel(@NotBlank @VisibleText(multiline = true) @Size(max = 2_000) String reason) {
	}

}
