package dev.scenariohub.enterprise.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import dev.scenariohub.platform.events.HistoryEntry;
import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.platform.web.ValidationProblem;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Use cases on enterprises. Officers see every enterprise; anyone else only those it owns
 * or is a member of — for others the answer is 404, so nothing leaks.
 */
@Service
public class EnterpriseService {

	private final EnterpriseRepository enterprises;

	private final Clock clock;

	public EnterpriseService(EnterpriseRepository enterprises, Clock clock) {
		this.enterprises = enterprises;
		this.clock = clock;
	}

	public Mono<EnterpriseView> register(EnterpriseRequests.Register request, String owner) {
		return Mono.fromCallable(
				() -> Enterprise.register(new ObjectId().toHexString(), request.toDraft(), owner, this.clock.instant()))
			.flatMap(enterprise -> this.enterprises.insert(enterprise)
				.map(version -> EnterpriseView.of(enterprise.state(), version)))
			.onErrorMap(DuplicateKeyException.class, duplicate -> new RuleViolation("credit-code-registered",
					"an enterprise with credit code " + request.creditCode() + " is already registered"));
	}

	public Mono<Enterprise> visible(String id, Caller caller) {
		ValidationProblem.requireId("id", id);
		return this.enterprises.findById(id)
			.filter(e -> caller.officer() || e.state().actsFor(caller.sub()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Enterprise", id)));
	}

	public Flux<EnterpriseView> list(EnterpriseFilter filter, Caller caller, String afterId, int limit) {
		return this.enterprises.list(filter, caller.officer() ? null : caller.sub(), afterId, limit)
			.map(e -> EnterpriseView.of(e.state(), e.version()));
	}

	public Mono<List<HistoryEntry>> history(String id, Caller caller) {
		return visible(id, caller).flatMap(e -> this.enterprises.history(e.id()));
	}

	/** The owner changes its enterprise's details. */
	public Mono<EnterpriseView> change(String id, String ifMatch, EnterpriseRequests.Patch patch, Caller caller) {
		long expected = ETags.requireIfMatch(ifMatch);
		return visible(id, caller).flatMap(e -> {
			if (!e.state().owner().equals(caller.sub())) {
				return Mono.error(new RuleViolation("owner-only", "only the enterprise's owner changes its details"));
			}
			if (e.version() != expected) {
				return Mono.error(ETags.staleVersion(expected, e.version()));
			}
			return save(e, e.change(patch.toChanges(), caller.sub()));
		});
	}

	public Mono<EnterpriseView> addMember(String id, String member, Caller caller) {
		return visible(id, caller).flatMap(e -> {
			if (!e.state().owner().equals(caller.sub())) {
				return Mono.error(new RuleViolation("owner-only", "only the enterprise's owner adds members"));
			}
			return save(e, e.addMember(member, caller.sub()));
		});
	}

	/**
	 * An officer's decision (verify, reject, credit-code override), after an optional
	 * If-Match check.
	 */
	public Mono<EnterpriseView> decide(String id, String ifMatch, Caller officer,
			Function<Enterprise, Enterprise> decision) {
		return visible(id, officer).flatMap(e -> {
			ETags.checkIfMatch(ifMatch, e.version());
			return save(e, decision.apply(e));
		});
	}

	public Clock clock() {
		return this.clock;
	}

	private Mono<EnterpriseView> save(Enterprise loaded, Enterprise changed) {
		if (changed == loaded) {
			return Mono.just(EnterpriseView.of(loaded.state(), loaded.version()));
		}
		return this.enterprises.update(changed).map(version -> EnterpriseView.of(changed.state(), version));
	}

}
