package dev.scenariohub.notification.preferences;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;

/**
 * How someone wants to be told: locale, e-mail address, and the channels per event family
 * (a family not listed gets every channel).
 */
public record Preferences(@Id String recipient, String locale, String email, Map<EventFamily, Set<Channel>> channels) {

	public Preferences {
		channels = channels == null ? Map.of() : Map.copyOf(channels);
	}

	public static Preferences defaults(String recipient) {
		return new Preferences(recipient, "zh-CN", null, Map.of());
	}

	/**
	 * Whether a notification of this family (e.g. {@code scenario.published}) goes out on
	 * a channel.
	 */
	public boolean wants(String family, String channel) {
		EventFamily f = EventFamily.valueOf(family.substring(0, family.indexOf('.')).toUpperCase(Locale.ROOT));
		Channel c = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
		return this.channels.getOrDefault(f, EnumSet.allOf(Channel.class)).contains(c);
	}
}
