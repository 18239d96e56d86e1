package dev.scenariohub.notification.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.scenariohub.notification.readmodel.DirectoryRepository.ScenarioInfo;

/**
 * What notification-service reads of any event on topic {@code scenarios} (scenario,
 * review, award, objection and milestone events): the union of the fields its rules and
 * texts use. A {@code scenario.updated} carries the full snapshot in {@code scenario};
 * the others carry their fields at the top level.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScenarioEventData(String title, String sector, List<String> requiredCapabilities, String demandOwner,
		Instant closesAt, String timeZone, Boolean material, List<String> changedFields, String reason,
		List<Object> winners, String reviewer, String applicationId, String dueOn, ScenarioEventData scenario) {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public ScenarioEventData {
		requiredCapabilities = requiredCapabilities == null ? List.of() : List.copyOf(requiredCapabilities);
		changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
		winners = winners == null ? List.of() : List.copyOf(winners);
	}

	/** Whether a {@code scenario.updated} changed what applicants rely on. */
	public boolean isMaterial() {
		return Boolean.TRUE.equals(this.material);
	}

	/**
	 * The scenario as this event describes it: the nested snapshot, or the event itself.
	 */
	public ScenarioEventData snapshot() {
		return this.scenario != null ? this.scenario : this;
	}

	/** Whether the event describes the scenario fully enough to update the directory. */
	public boolean describesScenario() {
		return snapshot().title() != null && snapshot().sector() != null;
	}

	public ScenarioInfo toInfo(String scenarioId) {
		ScenarioEventData s = snapshot();
		return new ScenarioInfo(scenarioId, s.title(), s.sector(), s.requiredCapabilities(), s.timeZone());
	}

	/** The values the texts of scenario-topic events are filled with. */
	public Map<String, String> params(ScenarioInfo scenario) {
		ScenarioEventData s = snapshot();
		Map<String, String> params = new HashMap<>();
		params.put("title", scenario.title());
		params.put("sector", scenario.sector());
		params.put("demandOwner", orEmpty(s.demandOwner()));
		String zone = s.timeZone() != null ? s.timeZone() : scenario.timeZone();
		params.put("closesAt", s.closesAt() == null ? ""
				: WHEN.format(s.closesAt().atZone(zone == null ? ZoneOffset.UTC : ZoneId.of(zone))));
		params.put("changed", String.join(", ", this.changedFields));
		params.put("reason", orEmpty(this.reason));
		params.put("winners", String.valueOf(this.winners.size()));
		params.put("milestone", orEmpty(this.title));
		params.put("dueOn", orEmpty(this.dueOn));
		return params;
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
