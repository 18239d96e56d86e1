package dev.scenariohub.platform.events;

import java.util.regex.Pattern;

/**
 * A versioned CloudEvents type of ours: {@code dev.scenariohub.<aggregate>.<event>.v<N>}.
 */
public record EventType(String aggregate, String event, int version) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

	private static final Pattern TYPE = Pattern
		.compile("dev\\.scenariohub\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.v([1-9][0-9]*)");

	public EventType {
		if (!NAME.matcher(aggregate).matches() || !NAME.matcher(event).matches() || version < 1) {
			throw new IllegalArgumentException("not a valid event type: " + aggregate + "." + event + ".v" + version);
		}
	}

	public static EventType of(String aggregate, String event, int version) {
		return new EventType(aggregate, event, version);
	}

	public static EventType parse(String type) {
		var m = TYPE.matcher(type);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a ScenarioHub event type: " + type);
		}
		return new EventType(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
	}

	/**
	 * {@code <aggregate>.<event>}, without prefix and version: what preferences and texts
	 * are keyed by.
	 */
	public String family() {
		return aggregate + "." + event;
	}

	/**
	 * Whether this is an event about {@code aggregate} (e.g. {@code "scenario"}), of any
	 * version.
	 */
	public boolean isAbout(String aggregate) {
		return this.aggregate.equals(aggregate);
	}

	/** The CloudEvents {@code type} attribute value. */
	public String value() {
		return "dev.scenariohub." + aggregate + "." + event + ".v" + version;
	}

	@Override
	public String toString() {
		return value();
	}
}
