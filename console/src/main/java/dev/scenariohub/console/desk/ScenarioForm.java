package dev.scenariohub.console.desk;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.console.api.RequestBody;

/**
 * The new-scenario form as the browser sends it, and the API's {@code CreateScenario}
 * document made from it. The window is typed as local date and time in the scenario's
 * time zone; capabilities as one line; the rubric as rows of criteria (key, name, weight,
 * and one level anchor per line). Rows left empty are not sent. What cannot be read (a
 * date that is not one, a weight that is not a number) is sent as typed, for the API to
 * refuse with the field named.
 */
public record ScenarioForm(String programId, String title, String sector, String demandOwner, String description,
		String requirements, String capabilities, List<String> eligibleCategories, String funding,
		String computeGpuHours, String dataAccess, String pilotSite, String maxAwards, String opensAt, String closesAt,
		String timeZone, List<String> criterionKey, List<String> criterionName, List<String> criterionWeight,
		List<String> criterionAnchors, String idempotencyKey) {

	/** How many rubric rows the form offers. */
	static final int CRITERIA = 3;

	/** The time zone a new scenario's window is given in, unless changed. */
	static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	/** An empty form for a program, with a key of its own. */
	static ScenarioForm empty(String programId) {
		List<String> rows = List.of("", "", "");
		return new ScenarioForm(programId, "", "", "", "", "", "", List.of(), "", "", "", "", "1", "", "",
				DEFAULT_TIME_ZONE, rows, rows, rows, rows, UUID.randomUUID().toString());
	}

	/** The request body; fields left empty are left out, for the API to judge. */
	Map<String, Object> toRequest() {
		String zone = RequestBody.present(this.timeZone) ? this.timeZone.trim() : DEFAULT_TIME_ZONE;
		return RequestBody.of()
			.text("programId", this.programId)
			.text("title", this.title)
			.text("sector", this.sector)
			.text("demandOwner", this.demandOwner)
			.text("description", this.description)
			.text("requirements", this.requirements)
			.put("requiredCapabilities", RequestBody.words(this.capabilities))
			.put("eligibleCategories", this.eligibleCategories == null ? List.of() : this.eligibleCategories)
			.put("support",
					RequestBody.of()
						.yuan("funding", this.funding)
						.number("computeGpuHours", this.computeGpuHours)
						.text("dataAccess", this.dataAccess)
						.text("pilotSite", this.pilotSite)
						.toMap())
			.number("maxAwards", this.maxAwards)
			.put("timeZone", zone)
			.text("opensAt", instant(this.opensAt, zone))
			.text("closesAt", instant(this.closesAt, zone))
			.put("rubric", rubric())
			.toMap();
	}

	/** The rubric's row at {@code index}, as typed (for showing the form again). */
	public String row(List<String> column, int index) {
		return column != null && index < column.size() ? column.get(index) : "";
	}

	private List<Map<String, Object>> rubric() {
		List<Map<String, Object>> criteria = new ArrayList<>();
		for (int i = 0; i < CRITERIA; i++) {
			String key = row(this.criterionKey, i);
			String name = row(this.criterionName, i);
			String weight = row(this.criterionWeight, i);
			String anchors = row(this.criterionAnchors, i);
			if (!RequestBody.present(key) && !RequestBody.present(name) && !RequestBody.present(weight)
					&& !RequestBody.present(anchors)) {
				continue;
			}
			criteria.add(RequestBody.of()
				.text("key", key)
				.text("name", name)
				.number("weight", weight)
				.put("anchors",
						anchors == null ? List.of()
								: anchors.lines().map(String::trim).filter(line -> !line.isEmpty()).toList())
				.toMap());
		}
		return criteria;
	}

	/**
	 * A local date and time typed for the zone, as an instant with its offset; as typed
	 * when it cannot be read.
	 */
	private static String instant(String local, String zone) {
		if (!RequestBody.present(local)) {
			return null;
		}
		try {
			return LocalDateTime.parse(local.trim()).atZone(ZoneId.of(zone)).toOffsetDateTime().toString();
		}
		catch (DateTimeException unreadable) {
			return local;
		}
	}

}
