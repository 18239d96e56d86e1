package dev.scenariohub.enterprise.enterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.scenariohub.platform.events.Aggregate;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.RuleViolation;

/** The enterprise aggregate: registration, changes, members and verification. */
public final class Enterprise extends Aggregate<EnterpriseState> {

	static final int MAX_MEMBERS = 50;

	private Enterprise(EnterpriseState state, long version, List<PendingEvent> newEvents) {
		super(state, version, newEvents);
	}

	public static Enterprise of(EnterpriseState state, long version) {
		return new Enterprise(state, version, List.of());
	}

	/**
	 * A new enterprise, PENDING verification. A well-formed code that fails its checksum
	 * is taken only when the applicant says so; it then needs an officer's audited
	 * override before verification.
	 */
	public static Enterprise register(String id, EnterpriseDraft d, String owner, Instant now) {
		CreditCode.Problem problem = CreditCode.problemWith(d.creditCode());
		boolean checksumFails = problem == CreditCode.Problem.WRONG_CHECK_CHARACTER;
		if (problem != null && !(checksumFails && d.creditCodeChecksumFails())) {
			throw RuleViolation.invalid("creditCode", switch (problem) {
				case WRONG_LENGTH -> "must be 18 characters";
				case INVALID_CHARACTER -> "may only contain 0-9 and the capitals A-H J-N P-R T U W-Y";
				case WRONG_CHECK_CHARACTER -> "has a wrong check character; if the code is nonetheless real, "
						+ "register with creditCodeChecksumFails: true and an officer will audit it";
			});
		}
		EnterpriseState state = new EnterpriseState(id, d.name(), d.creditCode(), d.category(), d.district(),
				d.capabilities(), d.coreTechnologies(), d.contact(), EnterpriseStatus.PENDING, owner, List.of(),
				checksumFails, null, null, now, null);
		return new Enterprise(state, 0, List.of(EnterpriseEvents.of(EnterpriseEvents.REGISTERED, state, owner)));
	}

	/**
	 * Applies the fields that are not null. A verified enterprise stays verified unless
	 * its category changes: eligibility depends on the category, so an officer verifies
	 * it again (PENDING).
	 */
	public Enterprise change(EnterpriseDraft c, String actor) {
		EnterpriseState s = state();
		EnterpriseCategory category = or(c.category(), s.category());
		EnterpriseStatus status = s.status() == EnterpriseStatus.VERIFIED && category != s.category()
				? EnterpriseStatus.PENDING : s.status();
		EnterpriseState next = new EnterpriseState(s.id(), or(c.name(), s.name()), s.creditCode(), category,
				or(c.district(), s.district()), or(c.capabilities(), s.capabilities()),
				or(c.coreTechnologies(), s.coreTechnologies()), or(c.contact(), s.contact()), status, s.owner(),
				s.members(), s.creditCodeChecksumFails(), s.creditCodeOverride(), s.rejectionReason(), s.createdAt(),
				null);
		if (next.equals(s)) {
			return this;
		}
		return next(next, EnterpriseEvents.UPDATED, actor);
	}

	public Enterprise addMember(String sub, String actor) {
		if (state().actsFor(sub)) {
			return this;
		}
		if (state().members().size() >= MAX_MEMBERS) {
			throw new RuleViolation("too-many-members", "an enterprise has at most " + MAX_MEMBERS + " members");
		}
		List<String> members = new ArrayList<>(state().members());
		members.add(sub);
		return next(with(state().status(), members, state().creditCodeOverride(), state().rejectionReason()),
				EnterpriseEvents.UPDATED, actor);
	}

	public Enterprise overrideCreditCode(String reason, String officer, Instant now) {
		if (!state().creditCodeChecksumFails()) {
			throw new RuleViolation("override-not-needed", "this enterprise's credit code passes its checksum");
		}
		return next(with(state().status(), state().members(), new EnterpriseState.Override(officer, reason, now),
				state().rejectionReason()), EnterpriseEvents.UPDATED, officer);
	}

	public Enterprise verify(String officer) {
		if (state().status() == EnterpriseStatus.VERIFIED) {
			throw RuleViolation.illegalTransition(state().status(), "this enterprise is already VERIFIED");
		}
		if (state().creditCodeChecksumFails() && state().creditCodeOverride() == null) {
			throw new RuleViolation("credit-code-unaudited",
					"the credit code fails its checksum; register an audited override before verifying");
		}
		return next(with(EnterpriseStatus.VERIFIED, state().members(), state().creditCodeOverride(), null),
				EnterpriseEvents.VERIFIED, officer);
	}

	public Enterprise reject(String reason, String officer) {
		if (state().status() == EnterpriseStatus.REJECTED) {
			throw RuleViolation.illegalTransition(state().status(), "this enterprise is already REJECTED");
		}
		return next(with(EnterpriseStatus.REJECTED, state().members(), state().creditCodeOverride(), reason),
				EnterpriseEvents.REJECTED, officer);
	}

	private EnterpriseState with(EnterpriseStatus status, List<String> members, EnterpriseState.Override override,
			String rejectionReason) {
		EnterpriseState s = state();
		return new EnterpriseState(s.id(), s.name(), s.creditCode(), s.category(), s.district(), s.capabilities(),
				s.coreTechnologies(), s.contact(), status, s.owner(), members, s.creditCodeChecksumFails(), override,
				rejectionReason, s.createdAt(), null);
	}

	private Enterprise next(EnterpriseState next, EventType type, String actor) {
		return new Enterprise(next, version(), List.of(EnterpriseEvents.of(type, next, actor)));
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	public String id() {
		return state().id();
	}

}
