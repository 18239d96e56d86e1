package dev.scenariohub.notification.preferences;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scenariohub.notification.templates.Templates;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;

/**
 * How someone wants to be told: locale, e-mail address, and the channels per event family
 * (a family not listed gets every channel). Mail goes only to an address its recipient
 * has confirmed by the signed link sent there ({@code confirmedEmail}, the last address
 * confirmed; an address stored before confirmation existed counts as not confirmed).
 */
public record Preferences(@Id String recipient, String locale, String email, Map<EventFamily, Set<Channel>> channels,
		@JsonIgnore String confirmedEmail) {

	public Preferences {
		channels = channels == null ? Map.of() : Map.copyOf(channels);
	}

	public static Preferences defaults(String recipient) {
		return new Preferences(recipient, Templates.DEFAULT_LOCALE, null, Map.of(), null);
	}

	/**
	 * Whether the address is set and was confirmed by its owner: only then is mail sent.
	 */
	@JsonProperty("emailConfirmed")
	@Schema(description = "Whether the address was confirmed by the link sent to it; "
			+ "no other mail goes there before it is")
	public boolean emailConfirmed() {
		return this.email != null && this.email.equals(this.confirmedEmail);
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
