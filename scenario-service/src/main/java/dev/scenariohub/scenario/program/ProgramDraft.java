package dev.scenariohub.scenario.program;

import java.time.LocalDate;

/** Program fields as validated at the edge; in a change, null means "keep". */
public record ProgramDraft(String name, String authority, String description, LocalDate startsOn, LocalDate endsOn,
		Long fundingFen, Long computeGpuHours) {
}
