package dev.scenariohub.scenario.scenario;

import java.time.OffsetDateTime;
import java.util.List;

import dev.scenariohub.platform.web.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/scenarios}. */
public record CreateScenarioRequest(
		@NotBlank @Size(max = 200) String title,
		@NotNull Sector sector,
		@NotBlank @Size(max = 200) String demandOwner,
		@NotBlank @Size(max = 20_000) String description,
		@Size(max = 20_000) String requirements,
		@Size(max = 30) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}", message = "must be a lower-case tag such as computer-vision") String> requiredCapabilities,
		@Size(max = 5) List<@NotNull EnterpriseCategory> eligibleCategories,
		@NotNull @Valid SupportRequest support,
		@NotNull @Min(1) @Max(100) Integer maxAwards,
		@NotNull OffsetDateTime opensAt,
		@NotNull OffsetDateTime closesAt,
		@Size(max = 60) String timeZone) {

	/** Support per award. */
	public record SupportRequest(
			@NotNull @Valid Money funding,
			@NotNull @Min(0) @Max(10_000_000) Long computeGpuHours,
			@Size(max = 2_000) String dataAccess,
			@Size(max = 500) String pilotSite) {
	}
}
