package dev.scenariohub.scenario.chronograph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.scenariohub.scenario.scenario.ScenarioRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How far the chronograph is behind the work that has come due:
 * {@code scenariohub_chronograph_delay_seconds{work}} is the age of the oldest item of
 * each kind ({@code closing}: an OPEN scenario past its deadline, {@code standstill}: a
 * provisional award past its standstill period) that has not been acted on, zero when
 * none waits. It is measured apart from the chronograph's own rounds, so a chronograph
 * that has stopped shows as a growing delay. The application runs {@link #refresh()} as a
 * periodic task.
 */
@Component
public class ChronographDelay {

	static final List<String> WORK = List.of("closing", "standstill");

	private final ScenarioRepository scenarios;

	private final Clock clock;

	private final Map<String, AtomicLong> seconds = new ConcurrentHashMap<>();

	public ChronographDelay(ScenarioRepository scenarios, Clock clock, MeterRegistry meters) {
		this.scenarios = scenarios;
		this.clock = clock;
		for (String work : WORK) {
			AtomicLong delay = this.seconds.computeIfAbsent(work, w -> new AtomicLong());
			Gauge.builder("scenariohub.chronograph.delay", delay, AtomicLong::get)
				.description("Age of the oldest time-driven work that has come due and not been done")
				.baseUnit("seconds")
				.tag("work", work)
				.register(meters);
		}
	}

	/** Measures every kind of work again; completes with the largest delay in seconds. */
	public Mono<Long> refresh() {
		Instant now = this.clock.instant();
		return Flux.concat(
				measure("closing", this.scenarios.earliest(ScenarioRepository.dueForClosing(now), "closesAt"), now),
				measure("standstill", this.scenarios.earliest(StandstillEnder.due(now), "award.standstillEndsAt"), now))
			.reduce(0L, Math::max);
	}

	/** The delay last measured for one kind of work, in seconds. */
	public long seconds(String work) {
		return this.seconds.get(work).get();
	}

	private Mono<Long> measure(String work, Mono<Instant> oldestDue, Instant now) {
		return oldestDue.map(due -> Math.max(0, Duration.between(due, now).toSeconds()))
			.defaultIfEmpty(0L)
			.doOnNext(delay -> this.seconds.get(work).set(delay));
	}

}
