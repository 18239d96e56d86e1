package dev.scenariohub.platform.events;

import java.util.List;

/**
 * An aggregate as loaded at a version, with the events its commands raised since.
 * Subclasses hold the rules; each command returns a new instance carrying the changed
 * state and events, which a repository saves through the {@link AggregateStore} in one
 * write.
 *
 * @param <S> the stored state
 */
public abstract class Aggregate<S> {

	private final S state;

	private final long version;

	private final List<PendingEvent> newEvents;

	protected Aggregate(S state, long version, List<PendingEvent> newEvents) {
		this.state = state;
		this.version = version;
		this.newEvents = List.copyOf(newEvents);
	}

	public S state() {
		return this.state;
	}

	/** The version it was loaded at (0 for a new aggregate). */
	public long version() {
		return this.version;
	}

	/** Events raised since it was loaded, to be saved with it. */
	public List<PendingEvent> newEvents() {
		return this.newEvents;
	}

}
