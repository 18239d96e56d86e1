package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.util.function.Function;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.events.ConflictRetry;
import dev.scenariohub.platform.events.StoreIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Programs in the {@code programs} collection; saves go through the outbox. */
@Repository
public class ProgramRepository {

	public static final String COLLECTION = "programs";

	private final AggregateStore outbox;

	private final ReactiveMongoTemplate mongo;

	public ProgramRepository(ReactiveMongoTemplate mongo, AggregateStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-reservation-time", "reservations.at"));
	}

	public Mono<Program> findById(String id) {
		return this.outbox.find(COLLECTION, id, ProgramState.class).map(v -> Program.of(v.state(), v.version()));
	}

	public Flux<Program> list(String afterId, int limit) {
		Criteria criteria = afterId == null ? new Criteria() : Criteria.where("_id").gt(afterId);
		return this.outbox
			.query(COLLECTION, Query.query(criteria).with(Sort.by("_id")).limit(limit), ProgramState.class)
			.map(v -> Program.of(v.state(), v.version()));
	}

	/** Programs holding a reservation made at or before an instant. */
	public Flux<Program> withReservationsBefore(Instant cutoff) {
		return this.outbox
			.query(COLLECTION, Query.query(Criteria.where("reservations.at").lte(cutoff)).limit(1000),
					ProgramState.class)
			.map(v -> Program.of(v.state(), v.version()));
	}

	public Mono<Long> insert(Program program) {
		return this.outbox.insert(COLLECTION, program.id(), program.state(), program.newEvents());
	}

	public Mono<Long> update(Program program) {
		return this.outbox.update(COLLECTION, program.id(), program.version(), program.state(), program.newEvents());
	}

	/**
	 * Loads, changes and saves a program, again from a fresh read when another save came
	 * first: the version-conditioned write is what keeps concurrent reservations from
	 * overspending.
	 */
	public Mono<Program> modify(String id, Function<Program, Program> change) {
		return Mono.defer(() -> findById(id).flatMap(program -> {
			Program changed = change.apply(program);
			if (changed == program) {
				return Mono.just(program);
			}
			return update(changed).map(version -> Program.of(changed.state(), version));
		})).retryWhen(ConflictRetry.spec());
	}

}
