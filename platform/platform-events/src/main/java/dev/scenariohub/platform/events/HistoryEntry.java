package dev.scenariohub.platform.events;

import java.time.Instant;

/** One line of an aggregate's history: who did what, when. */
public record HistoryEntry(String eventId, String type, long sequence, Instant time, String actor) {
}
