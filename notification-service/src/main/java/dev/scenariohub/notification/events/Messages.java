package dev.scenariohub.notification.events;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Notification texts per locale (zh-CN is the default). */
public final class Messages {

	public static final String DEFAULT_LOCALE = "zh-CN";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Messages() {
	}

	/** Title and body of a new-scenario notification. */
	public static String[] scenarioPublished(ScenarioPublishedPayload s, String locale) {
		String closes = WHEN.format(s.closesAt().atZone(ZoneId.of(s.timeZone() == null ? "Asia/Shanghai" : s.timeZone())));
		if ("en".equals(locale)) {
			return new String[] { "New scenario: " + s.title(),
					s.demandOwner() + " published a scenario in " + s.sector() + "; applications close " + closes + "." };
		}
		return new String[] { "新应用场景发布：" + s.title(),
				s.demandOwner() + " 发布了 " + s.sector() + " 领域的应用场景，申报截止时间 " + closes + "。" };
	}
}
