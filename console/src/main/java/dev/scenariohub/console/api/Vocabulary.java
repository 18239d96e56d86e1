package dev.scenariohub.console.api;

import java.util.List;

/** The API's closed sets of values that forms offer as choices, as the API names them. */
public final class Vocabulary {

	/** The sectors a scenario can be in. */
	public static final List<String> SECTORS = List.of("FASHION_DESIGN", "LOW_ALTITUDE_ECONOMY",
			"INTELLIGENT_CONNECTED_VEHICLES", "HEALTHCARE", "BRAIN_COMPUTER_INTERFACE", "SMART_MANUFACTURING",
			"PUBLIC_SERVICES", "OTHER");

	/** The enterprise categories. */
	public static final List<String> CATEGORIES = List.of("LEADING", "SPECIALIZED_INNOVATIVE", "LITTLE_GIANT",
			"STARTUP", "RESEARCH_INSTITUTE");

	/** The states of a scenario. */
	public static final List<String> SCENARIO_STATUSES = List.of("DRAFT", "OPEN", "CLOSED", "UNDER_REVIEW", "AWARDED",
			"PILOTING", "COMPLETED", "CANCELLED");

	/** The families of events a person chooses channels for. */
	public static final List<String> EVENT_FAMILIES = List.of("SCENARIO", "APPLICATION", "REVIEW", "OBJECTION",
			"MILESTONE", "ENTERPRISE");

	/** The channels notifications go out on. */
	public static final List<String> CHANNELS = List.of("INBOX", "EMAIL", "WEBHOOK");

	/** The languages notifications are written in. */
	public static final List<String> NOTIFICATION_LOCALES = List.of("zh-CN", "en");

	private Vocabulary() {
	}

}
