package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.scenariohub.platform.events.Aggregate;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.RuleViolation;

/**
 * A program: a themed call with funding and compute pools. Awards reserve from the pools
 * (one reservation per scenario, held by one award attempt) and release what they no
 * longer need.
 */
public final class Program extends Aggregate<ProgramState> {

	private Program(ProgramState state, long version, List<PendingEvent> newEvents) {
		super(state, version, newEvents);
	}

	public static Program of(ProgramState state, long version) {
		return new Program(state, version, List.of());
	}

	public static Program create(String id, ProgramDraft d, String officer, Instant now) {
		checkDates(d.startsOn(), d.endsOn());
		ProgramState state = new ProgramState(id, d.name(), d.authority(), d.description(), d.startsOn(), d.endsOn(),
				d.fundingFen(), d.computeGpuHours(), List.of(), officer, now);
		return new Program(state, 0, List.of(ProgramEvents.created(state, officer)));
	}

	/** Applies the fields that are not null. */
	public Program change(ProgramDraft changes, String officer) {
		ProgramState s = state();
		LocalDate startsOn = changes.startsOn() != null ? changes.startsOn() : s.startsOn();
		LocalDate endsOn = changes.endsOn() != null ? changes.endsOn() : s.endsOn();
		checkDates(startsOn, endsOn);
		ProgramState changed = new ProgramState(s.id(), or(changes.name(), s.name()),
				or(changes.authority(), s.authority()), or(changes.description(), s.description()), startsOn, endsOn,
				changes.fundingFen() != null ? s.funding().resize(changes.fundingFen(), "funding").total()
						: s.fundingTotalFen(),
				changes.computeGpuHours() != null ? s.compute().resize(changes.computeGpuHours(), "compute").total()
						: s.computeTotalGpuHours(),
				s.reservations(), s.createdBy(), s.createdAt());
		return new Program(changed, version(), List.of(ProgramEvents.updated(changed, officer)));
	}

	/**
	 * Reserves a scenario's award from both pools, or refuses without reserving anything.
	 * The same award reserving again changes nothing; another award of a scenario that
	 * holds one is refused.
	 */
	public Program reserve(Reservation reservation) {
		Reservation held = state().reservations()
			.stream()
			.filter(r -> r.scenarioId().equals(reservation.scenarioId()))
			.findFirst()
			.orElse(null);
		if (held != null) {
			if (held.awardId().equals(reservation.awardId())) {
				return this;
			}
			throw new RuleViolation("award-pending",
					"scenario " + reservation.scenarioId() + " already holds a reservation");
		}
		state().funding().reserve(reservation.fundingFen(), "funding");
		state().compute().reserve(reservation.computeGpuHours(), "compute");
		List<Reservation> reservations = new ArrayList<>(state().reservations());
		reservations.add(reservation);
		return new Program(withReservations(reservations), version(), List.of());
	}

	/** Gives back a scenario's reservation, if it holds one. */
	public Program release(String scenarioId) {
		return release(scenarioId, null);
	}

	/**
	 * Gives back the reservation of one award attempt (any of the scenario's when awardId
	 * is null).
	 */
	public Program release(String scenarioId, String awardId) {
		Reservation held = state().reservations()
			.stream()
			.filter(r -> r.scenarioId().equals(scenarioId) && (awardId == null || r.awardId().equals(awardId)))
			.findFirst()
			.orElse(null);
		if (held == null) {
			return this;
		}
		List<Reservation> reservations = new ArrayList<>(state().reservations());
		reservations.remove(held);
		return new Program(withReservations(reservations), version(), List.of());
	}

	private ProgramState withReservations(List<Reservation> reservations) {
		ProgramState s = state();
		return new ProgramState(s.id(), s.name(), s.authority(), s.description(), s.startsOn(), s.endsOn(),
				s.fundingTotalFen(), s.computeTotalGpuHours(), reservations, s.createdBy(), s.createdAt());
	}

	private static void checkDates(LocalDate startsOn, LocalDate endsOn) {
		if (endsOn.isBefore(startsOn)) {
			throw new RuleViolation("invalid-period", "endsOn must not be before startsOn");
		}
	}

	private static String or(String value, String fallback) {
		return value != null ? value : fallback;
	}

	public String id() {
		return state().id();
	}

}
