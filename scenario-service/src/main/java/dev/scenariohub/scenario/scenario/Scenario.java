package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.PendingEvent;

/**
 * The scenario aggregate: its state and version, the rules of its lifecycle and the events its
 * transitions raise. Plain Java: each command returns the changed scenario with its new events.
 */
public final class Scenario {

	private final ScenarioState state;

	private final long version;

	private final List<PendingEvent> newEvents;

	private Scenario(ScenarioState state, long version, List<PendingEvent> newEvents) {
		this.state = state;
		this.version = version;
		this.newEvents = newEvents;
	}

	/** A stored scenario. */
	public static Scenario of(ScenarioState state, long version) {
		return new Scenario(state, version, List.of());
	}

	/** A new DRAFT; nothing is announced until it is published. */
	public static Scenario draft(String id, ScenarioDraft draft, String createdBy, Instant now) {
		if (!draft.closesAt().isAfter(draft.opensAt())) {
			throw new ScenarioRuleViolation(null, "closesAt must be after opensAt");
		}
		ScenarioState state = new ScenarioState(id, draft.title(), draft.sector(), draft.demandOwner(),
				draft.description(), draft.requirements(), List.copyOf(draft.requiredCapabilities()),
				List.copyOf(draft.eligibleCategories()), draft.support(), draft.maxAwards(), draft.opensAt(),
				draft.closesAt(), draft.timeZone(), ScenarioStatus.DRAFT, createdBy, now, null);
		return new Scenario(state, 0, List.of());
	}

	/** DRAFT → OPEN; refused once the window has already closed. */
	public Scenario publish(Instant now) {
		if (this.state.status() != ScenarioStatus.DRAFT) {
			throw new ScenarioRuleViolation(this.state.status(),
					"only a DRAFT scenario can be published; this one is " + this.state.status());
		}
		if (!this.state.closesAt().isAfter(now)) {
			throw new ScenarioRuleViolation(this.state.status(),
					"the application window closed at " + this.state.closesAt() + "; change closesAt before publishing");
		}
		ScenarioState open = withStatus(ScenarioStatus.OPEN, now);
		return new Scenario(open, this.version,
				List.of(new PendingEvent(ScenarioPublished.TYPE, ScenarioPublished.of(open))));
	}

	private ScenarioState withStatus(ScenarioStatus status, Instant publishedAt) {
		ScenarioState s = this.state;
		return new ScenarioState(s.id(), s.title(), s.sector(), s.demandOwner(), s.description(), s.requirements(),
				s.requiredCapabilities(), s.eligibleCategories(), s.support(), s.maxAwards(), s.opensAt(), s.closesAt(),
				s.timeZone(), status, s.createdBy(), s.createdAt(), publishedAt);
	}

	public ScenarioState state() {
		return this.state;
	}

	/** The version this scenario was loaded at (0 for a new one). */
	public long version() {
		return this.version;
	}

	/** Events raised since it was loaded, to be saved with it. */
	public List<PendingEvent> newEvents() {
		return this.newEvents;
	}

	public String id() {
		return this.state.id();
	}

	public ScenarioStatus status() {
		return this.state.status();
	}
}
