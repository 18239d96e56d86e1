package dev.scenariohub.scenario.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.scenariohub.platform.events.Aggregate;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.RuleViolation;

/**
 * The scenario aggregate: its state and version, the rules of its lifecycle and the
 * events its transitions raise. Plain Java: each command returns the changed scenario
 * with its new events.
 *
 * <pre>
 * DRAFT ─publish─► OPEN ─(closesAt | close)─► CLOSED ─start review─► UNDER_REVIEW ─award─► AWARDED
 *   cancel from DRAFT, OPEN, CLOSED, UNDER_REVIEW ─► CANCELLED      COMPLETED ◄─ PILOTING ◄─┘
 * </pre>
 */
public final class Scenario extends Aggregate<ScenarioState> {

	public static final String SYSTEM = "system";

	private static final Set<ScenarioStatus> CANCELLABLE = Set.of(ScenarioStatus.DRAFT, ScenarioStatus.OPEN,
			ScenarioStatus.CLOSED, ScenarioStatus.UNDER_REVIEW);

	private Scenario(ScenarioState state, long version, List<PendingEvent> newEvents) {
		super(state, version, newEvents);
	}

	/** A stored scenario. */
	public static Scenario of(ScenarioState state, long version) {
		return new Scenario(state, version, List.of());
	}

	/** A new DRAFT; nothing is announced until it is published. */
	public static Scenario draft(String id, ScenarioDraft d, String officer, Instant now) {
		checkWindow(d.opensAt(), d.closesAt());
		checkRubric(d.rubric());
		ScenarioState state = new ScenarioState(id, d.programId(), d.title(), d.sector(), d.demandOwner(),
				d.description(), d.requirements(), d.requiredCapabilities(), d.eligibleCategories(), d.support(),
				d.maxAwards(), d.opensAt(), d.closesAt(), d.timeZone(), d.rubric(), ScenarioStatus.DRAFT, officer, now,
				null, null, null, List.of(), null, List.of(), List.of());
		return new Scenario(state, 0, List.of());
	}

	/**
	 * The same scenario in a new state with more events (for the review, award and pilot
	 * rules).
	 */
	public Scenario next(ScenarioState changed, PendingEvent... events) {
		List<PendingEvent> all = new ArrayList<>(newEvents());
		all.addAll(List.of(events));
		return new Scenario(changed, version(), List.copyOf(all));
	}

	/** DRAFT → OPEN; refused once the window has already closed. */
	public Scenario publish(Instant now, String actor) {
		require(ScenarioStatus.DRAFT, "publish");
		if (!state().closesAt().isAfter(now)) {
			throw RuleViolation.illegalTransition(status(),
					"the application window closed at " + state().closesAt() + "; change closesAt before publishing");
		}
		ScenarioState open = state().toBuilder().status(ScenarioStatus.OPEN).publishedAt(now).build();
		return next(open, ScenarioEvents.published(open, actor));
	}

	/**
	 * Changes a DRAFT or an OPEN scenario. A change to an OPEN scenario's requirements,
	 * window, support or eligibility is material (applicants must re-confirm); one inside
	 * the extension window before closesAt also moves closesAt back by that window.
	 */
	public Scenario change(ScenarioChanges c, Instant now, Duration extensionWindow, String actor) {
		if (status() != ScenarioStatus.DRAFT && status() != ScenarioStatus.OPEN) {
			throw RuleViolation.illegalTransition(status(),
					"only a DRAFT or OPEN scenario can be changed; this one is " + status());
		}
		ScenarioState s = state();
		ScenarioState.Builder b = s.toBuilder();
		List<String> changed = new ArrayList<>();
		List<String> material = new ArrayList<>();
		track(changed, material, "title", false, s.title(), c.title(), b::title);
		track(changed, material, "sector", false, s.sector(), c.sector(), b::sector);
		track(changed, material, "demandOwner", false, s.demandOwner(), c.demandOwner(), b::demandOwner);
		track(changed, material, "description", false, s.description(), c.description(), b::description);
		track(changed, material, "requirements", true, s.requirements(), c.requirements(), b::requirements);
		track(changed, material, "requiredCapabilities", true, s.requiredCapabilities(), c.requiredCapabilities(),
				b::requiredCapabilities);
		track(changed, material, "eligibleCategories", true, s.eligibleCategories(), c.eligibleCategories(),
				b::eligibleCategories);
		track(changed, material, "support", true, s.support(), c.support(), b::support);
		track(changed, material, "maxAwards", false, s.maxAwards(), c.maxAwards(), b::maxAwards);
		track(changed, material, "opensAt", true, s.opensAt(), c.opensAt(), b::opensAt);
		track(changed, material, "closesAt", true, s.closesAt(), c.closesAt(), b::closesAt);
		track(changed, material, "rubric", false, s.rubric(), c.rubric(), b::rubric);
		ScenarioState next = b.build();
		checkWindow(next.opensAt(), next.closesAt());
		checkRubric(next.rubric());
		if (changed.isEmpty()) {
			return this;
		}
		if (status() == ScenarioStatus.DRAFT) {
			return next(next);
		}
		if (!next.closesAt().isAfter(now)) {
			throw RuleViolation.invalid("closesAt", "closesAt of an OPEN scenario must stay in the future");
		}
		boolean extended = false;
		if (!material.isEmpty() && !now.isBefore(next.closesAt().minus(extensionWindow))) {
			next = next.toBuilder().closesAt(next.closesAt().plus(extensionWindow)).build();
			extended = true;
		}
		return next(next, ScenarioEvents.updated(next, !material.isEmpty(), List.copyOf(changed), extended, actor));
	}

	/** OPEN → CLOSED by an officer, before the deadline. */
	public Scenario close(Instant now, String actor) {
		require(ScenarioStatus.OPEN, "close");
		return closed(now, actor, "closed by an officer");
	}

	/** OPEN → CLOSED because closesAt has come; nothing happens before. */
	public Scenario closeAtDeadline(Instant now) {
		if (status() != ScenarioStatus.OPEN || state().closesAt().isAfter(now)) {
			return this;
		}
		return closed(now, SYSTEM, "the application window closed");
	}

	private Scenario closed(Instant now, String actor, String reason) {
		ScenarioState closed = state().toBuilder().status(ScenarioStatus.CLOSED).closedAt(now).build();
		return next(closed, ScenarioEvents.statusChanged(ScenarioEvents.CLOSED, closed, reason, actor));
	}

	public Scenario cancel(String reason, String actor) {
		if (!CANCELLABLE.contains(status())) {
			throw RuleViolation.illegalTransition(status(), "a " + status() + " scenario cannot be cancelled");
		}
		ScenarioState.Builder next = state().toBuilder().status(ScenarioStatus.CANCELLED).cancelReason(reason);
		Award award = state().award();
		if (award != null && award.status() == AwardStatus.PROPOSED) {
			// a provisional award ends with the scenario; its reservation is no longer
			// held
			next.award(new Award(award.applicationIds(), AwardStatus.WITHDRAWN, award.proposedAt(),
					award.standstillEndsAt(), null, award.fundingFenEach(), award.computeGpuHoursEach(),
					award.awardId()));
		}
		ScenarioState cancelled = next.build();
		return next(cancelled, ScenarioEvents.statusChanged(ScenarioEvents.CANCELLED, cancelled, reason, actor));
	}

	/** CLOSED → UNDER_REVIEW. */
	public Scenario startReview(String actor) {
		require(ScenarioStatus.CLOSED, "start the review of");
		return to(ScenarioStatus.UNDER_REVIEW, ScenarioEvents.REVIEW_STARTED, actor);
	}

	/** AWARDED → PILOTING. */
	public Scenario startPilot(String actor) {
		require(ScenarioStatus.AWARDED, "start the pilot of");
		return to(ScenarioStatus.PILOTING, ScenarioEvents.PILOT_STARTED, actor);
	}

	/** PILOTING → COMPLETED, once every milestone is completed. */
	public Scenario complete(String actor) {
		require(ScenarioStatus.PILOTING, "complete");
		long open = state().milestones().stream().filter(m -> !m.completed()).count();
		if (open > 0) {
			throw new RuleViolation("milestones-open", open + " milestone(s) are not completed yet");
		}
		return to(ScenarioStatus.COMPLETED, ScenarioEvents.COMPLETED, actor);
	}

	private Scenario to(ScenarioStatus status, EventType type, String actor) {
		ScenarioState next = state().toBuilder().status(status).build();
		return next(next, ScenarioEvents.statusChanged(type, next, null, actor));
	}

	/**
	 * Fails with 409 naming the current status unless the scenario is in the expected
	 * one.
	 */
	public void require(ScenarioStatus expected, String action) {
		if (status() != expected) {
			throw RuleViolation.illegalTransition(status(),
					"cannot " + action + " this scenario while it is " + status() + " (it must be " + expected + ")");
		}
	}

	private static <T> void track(List<String> changed, List<String> material, String field, boolean isMaterial,
			T current, T proposed, Consumer<T> set) {
		if (proposed != null && !Objects.equals(current, proposed)) {
			set.accept(proposed);
			changed.add(field);
			if (isMaterial) {
				material.add(field);
			}
		}
	}

	private static void checkWindow(Instant opensAt, Instant closesAt) {
		if (!closesAt.isAfter(opensAt)) {
			throw RuleViolation.invalid("closesAt", "closesAt must be after opensAt");
		}
	}

	private static void checkRubric(List<Criterion> rubric) {
		String problem = Rubric.problemWith(rubric);
		if (problem != null) {
			throw RuleViolation.invalid("rubric", problem);
		}
	}

	public String id() {
		return state().id();
	}

	public ScenarioStatus status() {
		return state().status();
	}

}
