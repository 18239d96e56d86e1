package dev.scenariohub.enterprise.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.enterprise.EnterpriseStatus;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.platform.events.Aggregate;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.RuleViolation;

/**
 * The application aggregate. Submission is checked against the local read model of
 * scenarios (open, window not closed, eligibility, requests within the support offered)
 * and against the enterprise (verified).
 */
public final class Application extends Aggregate<ApplicationState> {

	private static final Set<ApplicationStatus> WITHDRAWABLE = Set.of(ApplicationStatus.DRAFT,
			ApplicationStatus.SUBMITTED, ApplicationStatus.RECONFIRMATION_REQUIRED);

	private Application(ApplicationState state, long version, List<PendingEvent> newEvents) {
		super(state, version, newEvents);
	}

	public static Application of(ApplicationState state, long version) {
		return new Application(state, version, List.of());
	}

	public static Application draft(String id, ApplicationDraft d, String by, Instant now) {
		ApplicationState s = new ApplicationState(id, d.scenarioId(), d.enterpriseId(), ApplicationStatus.DRAFT,
				d.summary(), d.technicalApproach(), d.team(), d.milestones(), d.requestedFundingFen(),
				d.requestedComputeGpuHours(), by, now, null, d.enterpriseId() + ":" + d.scenarioId());
		return new Application(s, 0, List.of());
	}

	/** Changes a DRAFT; null means "keep". */
	public Application change(ApplicationDraft c) {
		require(ApplicationStatus.DRAFT, "change");
		ApplicationState s = state();
		ApplicationState next = new ApplicationState(s.id(), s.scenarioId(), s.enterpriseId(), s.status(),
				or(c.summary(), s.summary()), or(c.technicalApproach(), s.technicalApproach()), or(c.team(), s.team()),
				or(c.milestones(), s.milestones()),
				c.requestedFundingFen() != null ? c.requestedFundingFen() : s.requestedFundingFen(),
				c.requestedComputeGpuHours() != null ? c.requestedComputeGpuHours() : s.requestedComputeGpuHours(),
				s.createdBy(), s.createdAt(), s.submittedAt(), s.liveKey());
		return next.equals(s) ? this : new Application(next, version(), List.of());
	}

	public Application submit(KnownScenario scenario, EnterpriseState enterprise, Instant now, String by) {
		require(ApplicationStatus.DRAFT, "submit");
		checkWindow(scenario, now);
		if (enterprise.status() != EnterpriseStatus.VERIFIED) {
			throw new RuleViolation("enterprise-not-verified",
					"the enterprise is " + enterprise.status() + "; only VERIFIED enterprises may apply");
		}
		List<String> eligible = scenario.eligibleCategories() == null ? List.of() : scenario.eligibleCategories();
		if (!eligible.isEmpty() && !eligible.contains(enterprise.category().name())) {
			throw new RuleViolation("not-eligible",
					"this scenario is open to " + eligible + ", not to " + enterprise.category(),
					Map.of("eligibleCategories", eligible));
		}
		long offeredFen = scenario.support().funding().toMinor();
		if (state().requestedFundingFen() > offeredFen
				|| state().requestedComputeGpuHours() > scenario.support().computeGpuHours()) {
			throw new RuleViolation("exceeds-support",
					"the requests exceed what the scenario offers per award: " + scenario.support().funding().amount()
							+ " CNY and " + scenario.support().computeGpuHours() + " GPU-hours");
		}
		return to(ApplicationStatus.SUBMITTED, now, ApplicationEvents.SUBMITTED, null, by);
	}

	public Application withdraw(String by) {
		if (!WITHDRAWABLE.contains(state().status())) {
			throw RuleViolation.illegalTransition(state().status(),
					"an application can be withdrawn until its review starts; this one is " + state().status());
		}
		return to(ApplicationStatus.WITHDRAWN, state().submittedAt(), ApplicationEvents.WITHDRAWN, null, by);
	}

	public Application reconfirm(KnownScenario scenario, Instant now, String by) {
		require(ApplicationStatus.RECONFIRMATION_REQUIRED, "reconfirm");
		checkWindow(scenario, now);
		return to(ApplicationStatus.SUBMITTED, state().submittedAt(), ApplicationEvents.RECONFIRMED, null, by);
	}

	/**
	 * Follows what happened to the scenario; a status the rules do not move from stays as
	 * it is.
	 */
	public Application follow(ScenarioOutcome outcome) {
		ApplicationStatus next = outcome.statusFor(state().id(), state().status());
		if (next == state().status()) {
			return this;
		}
		EventType type = next == ApplicationStatus.RECONFIRMATION_REQUIRED ? ApplicationEvents.RECONFIRMATION_REQUIRED
				: ApplicationEvents.STATUS_CHANGED;
		return to(next, state().submittedAt(), type, outcome.reason(), "system");
	}

	private Application to(ApplicationStatus status, Instant submittedAt, EventType type, String reason, String by) {
		ApplicationState next = state().with(status, submittedAt);
		return new Application(next, version(), List.of(ApplicationEvents.of(type, next, reason, by)));
	}

	private static void checkWindow(KnownScenario scenario, Instant now) {
		if (!"OPEN".equals(scenario.status())) {
			throw new RuleViolation("scenario-not-open", "the scenario is " + scenario.status() + ", not OPEN",
					Map.of("scenarioStatus", String.valueOf(scenario.status())));
		}
		if (!now.isBefore(scenario.closesAt())) {
			throw new RuleViolation("window-closed", "applications closed at " + scenario.closesAt());
		}
	}

	private void require(ApplicationStatus expected, String action) {
		if (state().status() != expected) {
			throw RuleViolation.illegalTransition(state().status(), "cannot " + action
					+ " this application while it is " + state().status() + " (it must be " + expected + ")");
		}
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	public String id() {
		return state().id();
	}

}
