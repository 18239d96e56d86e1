package dev.scenariohub.notification.events;

import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.events.IncomingEvent;

/**
 * What a consumer decided about one event: who must know, the values its texts are filled
 * with, and where the notification links to.
 *
 * @param family {@code <aggregate>.<event>} of the event's type, parsed once
 */
public record Notice(IncomingEvent event, String family, List<String> recipients, Map<String, String> params,
		String link) {

	public Notice {
		recipients = List.copyOf(recipients);
		params = Map.copyOf(params);
	}
}
