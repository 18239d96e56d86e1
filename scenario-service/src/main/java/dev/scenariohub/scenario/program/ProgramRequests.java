package dev.scenariohub.scenario.program;

import java.time.LocalDate;

import dev.scenariohub.platform.web.Money;
import dev.scenariohub.platform.web.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the program endpoints. */
public final class ProgramRequests {

	private ProgramRequests() {
	}

	/** {@code POST /api/v1/programs}. */
	@Schema(name = "CreateProgram", description = "A new program.")
	public record Create(@NotBlank @VisibleText @Size(max = 200) String name,
			@NotBlank @VisibleText @Size(max = 200) String authority, @Size(max = 20_000) String description,
			@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotNull @Valid Money fundingBudget,
			@NotNull @Min(0) @Max(100_000_000) Long computeBudget) {

		ProgramDraft toDraft() {
			return new ProgramDraft(this.name.strip(), this.authority.strip(), this.description, this.startsOn,
					this.endsOn, this.fundingBudget.toMinor(), this.computeBudget);
		}
	}

	/** {@code PATCH /api/v1/programs/{id}}: only the fields given change. */
	@Schema(name = "ProgramChanges", description = "Changes to a program: the fields given, nothing else.")
	public record Patch(@VisibleText @Size(min = 1, max = 200) String name,
			@VisibleText @Size(min = 1, max = 200) String authority, @Size(max = 20_000) String description,
			LocalDate startsOn, LocalDate endsOn, @Valid Money fundingBudget,
			@Min(0) @Max(100_000_000) Long computeBudget) {

		ProgramDraft toChanges() {
			return new ProgramDraft(this.name, this.authority, this.description, this.startsOn, this.endsOn,
					this.fundingBudget == null ? null : this.fundingBudget.toMinor(), this.computeBudget);
		}
	}

}
