package dev.scenariohub.platform.events;

/** An aggregate's stored state with the version it was read at. */
public record Versioned<S>(S state, long version) {
}
