package dev.scenariohub.console.desk;

import java.util.Map;
import java.util.UUID;

import dev.scenariohub.console.api.RequestBody;

/**
 * The new-program form as the browser sends it, and the API's {@code CreateProgram}
 * document made from it: the funding pool in yuan, the compute pool in GPU-hours.
 */
public record ProgramForm(String name, String authority, String description, String startsOn, String endsOn,
		String funding, String compute, String idempotencyKey) {

	static ProgramForm empty() {
		return new ProgramForm("", "", "", "", "", "", "", UUID.randomUUID().toString());
	}

	Map<String, Object> toRequest() {
		return RequestBody.of()
			.text("name", this.name)
			.text("authority", this.authority)
			.text("description", this.description)
			.text("startsOn", this.startsOn)
			.text("endsOn", this.endsOn)
			.yuan("fundingBudget", this.funding)
			.number("computeBudget", this.compute)
			.toMap();
	}

}
