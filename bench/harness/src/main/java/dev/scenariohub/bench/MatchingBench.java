package dev.scenariohub.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * Matching at growing numbers of verified enterprises and a fixed number of open
 * scenarios, in both directions ({@code GET /api/v1/matches?enterpriseId=} and
 * {@code ?scenarioId=}), each against a single-document read ({@code GET
 * /api/v1/scenarios/{id}}) at the same concurrency in the same step. Everything is
 * created through the gateway, as clients create it.
 */
public final class MatchingBench {

	/** How much to do. */
	public record Size(List<Integer> enterpriseSteps, int scenarios, int concurrency, int requests, int repetitions,
			int seeders) {

		public static Size of(Map<String, String> options) {
			List<Integer> steps = new ArrayList<>();
			for (String step : options.getOrDefault("enterprises", "1000,10000").split(",")) {
				steps.add(Integer.parseInt(step.trim()));
			}
			return new Size(steps, Integer.parseInt(options.getOrDefault("scenarios", "2000")),
					Integer.parseInt(options.getOrDefault("concurrency", "4")),
					Integer.parseInt(options.getOrDefault("requests", "400")),
					Integer.parseInt(options.getOrDefault("repetitions", "3")),
					Integer.parseInt(options.getOrDefault("seeders", "16")));
		}

	}

	/** One repetition at one step: the read's and each direction's latencies. */
	public record Repetition(Latencies read, Latencies byEnterprise, Latencies byScenario) {

		double enterpriseRatio() {
			return this.byEnterprise.percentileMillis(99) / this.read.percentileMillis(99);
		}

		double scenarioRatio() {
			return this.byScenario.percentileMillis(99) / this.read.percentileMillis(99);
		}

	}

	/**
	 * Every repetition at one number of enterprises; how long seeding took, how many of
	 * its calls had to be repeated (429/503 or no answer), and how long the services'
	 * consumers took after it to catch up (measuring starts then).
	 */
	public record Step(int enterprises, int scenarios, double seedSeconds, long retriedCalls, double catchUpSeconds,
			List<Repetition> repetitions) {

		double medianEnterpriseRatio() {
			return median(this.repetitions.stream().mapToDouble(Repetition::enterpriseRatio).toArray());
		}

		double medianScenarioRatio() {
			return median(this.repetitions.stream().mapToDouble(Repetition::scenarioRatio).toArray());
		}

		double medianP99(java.util.function.Function<Repetition, Latencies> which) {
			return median(this.repetitions.stream().mapToDouble(r -> which.apply(r).percentileMillis(99)).toArray());
		}

	}

	/** What one run measured. */
	public record Result(int concurrency, List<Step> steps) {

		public String report() {
			StringBuilder out = new StringBuilder();
			for (Step step : this.steps) {
				out.append(String.format(Locale.ROOT,
						"step: %d verified enterprises x %d open scenarios (seeded in %.0f s, %d calls retried; consumers caught up %.0f s later), concurrency %d%n",
						step.enterprises(), step.scenarios(), step.seedSeconds(), step.retriedCalls(),
						step.catchUpSeconds(), this.concurrency));
				for (int i = 0; i < step.repetitions().size(); i++) {
					Repetition r = step.repetitions().get(i);
					out.append(String.format(Locale.ROOT, "  repetition %d: read %s%n", i + 1, r.read()));
					out.append(String.format(Locale.ROOT, "  repetition %d: by enterprise %s (p99 %.1fx the read's)%n",
							i + 1, r.byEnterprise(), r.enterpriseRatio()));
					out.append(String.format(Locale.ROOT, "  repetition %d: by scenario %s (p99 %.1fx the read's)%n",
							i + 1, r.byScenario(), r.scenarioRatio()));
				}
				out.append(String.format(Locale.ROOT,
						"  median: p99 read %.1f ms, by enterprise %.1f ms (%.1fx), by scenario %.1f ms (%.1fx); goal <= 3x%n",
						step.medianP99(Repetition::read), step.medianP99(Repetition::byEnterprise),
						step.medianEnterpriseRatio(), step.medianP99(Repetition::byScenario),
						step.medianScenarioRatio()));
			}
			if (this.steps.size() > 1) {
				Step first = this.steps.get(0);
				Step last = this.steps.get(this.steps.size() - 1);
				double growth = (double) last.enterprises() / first.enterprises();
				out.append(String.format(Locale.ROOT,
						"curve: %dx the enterprises -> by enterprise p99 %.2fx, by scenario p99 %.2fx (sub-linear: below %.0fx)%n",
						(int) growth,
						last.medianP99(Repetition::byEnterprise) / first.medianP99(Repetition::byEnterprise),
						last.medianP99(Repetition::byScenario) / first.medianP99(Repetition::byScenario), growth));
			}
			return out.toString();
		}

	}

	/**
	 * A request that took at least this long is written to the log with when it was sent,
	 * to be set beside the stack's pause logs (bench/lib.sh).
	 */
	private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private final Api api;

	private final Target target;

	private final Size size;

	private final int codeBase = ThreadLocalRandom.current().nextInt(100_000_000, 800_000_000);

	public MatchingBench(Target target, Size size) {
		this.target = target;
		this.api = new Api(target);
		this.size = size;
	}

	public Result run() throws Exception {
		Supplier<String> officer = this.api.tokens("demo-officer");
		Supplier<String> owner = this.api.tokens("demo-enterprise-1");
		long start = System.nanoTime();
		String program = this.api.program(officer.get(), "Matching bench " + UUID.randomUUID());
		List<String> scenarios = seed(this.size.scenarios(), n -> openScenario(officer, program, n));
		awaitKnownToEnterpriseService(scenarios);
		List<String> enterprises = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		for (int target : this.size.enterpriseSteps()) {
			int from = enterprises.size();
			long retriedBefore = this.api.retried();
			enterprises.addAll(seed(target - from, n -> verifiedEnterprise(owner, officer, from + n)));
			double seeded = (System.nanoTime() - start) / 1e9;
			long retried = this.api.retried() - retriedBefore;
			// what is measured is matching, not matching while the other services still
			// consume the enterprises just made
			double catchUp;
			try (ConsumerLag lag = new ConsumerLag(this.target)) {
				catchUp = lag.awaitCaughtUp(30);
			}
			List<Repetition> repetitions = new ArrayList<>();
			measure(officer, scenarios, enterprises, Math.max(20, this.size.requests() / 4));
			for (int r = 0; r < this.size.repetitions(); r++) {
				repetitions.add(measure(officer, scenarios, enterprises, this.size.requests()));
			}
			steps.add(new Step(enterprises.size(), scenarios.size(), seeded, retried, catchUp, repetitions));
			// as it goes, so that a long run stopped before its end keeps what it
			// measured
			System.err.print(new Result(this.size.concurrency(), List.of(steps.get(steps.size() - 1))).report());
			start = System.nanoTime();
		}
		return new Result(this.size.concurrency(), steps);
	}

	private Repetition measure(Supplier<String> officer, List<String> scenarios, List<String> enterprises,
			int requests) {
		Random random = new Random(requests);
		Latencies read = load(requests, () -> "/api/v1/scenarios/" + scenarios.get(random.nextInt(scenarios.size())),
				null);
		Latencies byEnterprise = load(requests,
				() -> "/api/v1/matches?limit=20&enterpriseId=" + enterprises.get(random.nextInt(enterprises.size())),
				officer.get());
		Latencies byScenario = load(requests,
				() -> "/api/v1/matches?limit=20&scenarioId=" + scenarios.get(random.nextInt(scenarios.size())),
				officer.get());
		return new Repetition(read, byEnterprise, byScenario);
	}

	/** Requests, {@code concurrency} at a time, each timed from send to full answer. */
	private Latencies load(int requests, Supplier<String> paths, String token) {
		Latencies latencies = new Latencies();
		Semaphore inFlight = new Semaphore(this.size.concurrency());
		List<CompletableFuture<?>> calls = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			inFlight.acquireUninterruptibly();
			String path;
			synchronized (paths) {
				path = paths.get();
			}
			long sent = System.nanoTime();
			Instant sentAt = Instant.now();
			calls.add(this.api.callAsync("GET", path, token, null, Map.of()).whenComplete((response, failure) -> {
				inFlight.release();
				long took = System.nanoTime() - sent;
				if (failure == null && response.status() == 200) {
					latencies.record(took);
				}
				if (took >= SLOW_NANOS) {
					System.err.printf(Locale.ROOT, "slow: sent %s, %d ms, GET %s%n", sentAt, took / 1_000_000, path);
				}
			}).thenApply(response -> response.expect(200)));
		}
		calls.forEach(CompletableFuture::join);
		return latencies;
	}

	private String openScenario(Supplier<String> officer, String program, int n) {
		Api.Response draft = this.api
			.call("POST", "/api/v1/scenarios", officer.get(), Catalogue.scenario(n, program), Map.of())
			.expect(201);
		String id = draft.json().get("id").asString();
		this.api
			.call("POST", "/api/v1/scenarios/" + id + "/publish", officer.get(), null, Map.of("If-Match", draft.etag()))
			.expect(200);
		return id;
	}

	private String verifiedEnterprise(Supplier<String> owner, Supplier<String> officer, int n) {
		Map<String, Object> registration = new java.util.HashMap<>(Catalogue.enterprise(n));
		registration.put("creditCode", Catalogue.creditCode(this.codeBase + n));
		Api.Response registered = this.api
			.callPatiently("POST", "/api/v1/enterprises", owner.get(), registration,
					Map.of("Idempotency-Key", "bench-" + this.codeBase + "-" + n))
			.expect(201);
		String id = registered.json().get("id").asString();
		Api.Response verified = this.api.callPatiently("POST", "/api/v1/enterprises/" + id + "/verify", officer.get(),
				null, Map.of("If-Match", registered.etag()));
		if (verified.status() == 409 || verified.status() == 412) {
			// a repeated verification after one that was applied but not answered in time
			String status = this.api.callPatiently("GET", "/api/v1/enterprises/" + id, officer.get(), null, Map.of())
				.expect(200)
				.json()
				.get("status")
				.asString();
			if (!status.equals("VERIFIED")) {
				verified.expect(200);
			}
		}
		else {
			verified.expect(200);
		}
		return id;
	}

	/** n things made by {@code make}, {@code seeders} at a time. */
	private List<String> seed(int count, IntFunction<String> make) {
		ExecutorService seeders = Executors.newFixedThreadPool(this.size.seeders());
		try {
			List<CompletableFuture<String>> making = new ArrayList<>();
			for (int n = 0; n < count; n++) {
				int i = n;
				making.add(CompletableFuture.supplyAsync(() -> make.apply(i), seeders));
			}
			return making.stream().map(CompletableFuture::join).toList();
		}
		finally {
			seeders.shutdownNow();
		}
	}

	private void awaitKnownToEnterpriseService(List<String> scenarios) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		try (MongoClient client = MongoClients.create(this.target.mongoUri())) {
			var known = client.getDatabase("enterprise-service").getCollection("known-scenarios");
			while (true) {
				long open = 0;
				for (int from = 0; from < scenarios.size(); from += 500) {
					open += known.countDocuments(Filters.and(Filters.in("_id",
							scenarios.subList(from, Math.min(scenarios.size(), from + 500))
								.stream()
								.map(ReadModels::storedId)
								.toList()),
							Filters.eq("status", "OPEN")));
				}
				if (open == scenarios.size()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"enterprise-service knows " + open + " of " + scenarios.size() + " open scenarios");
				}
				Thread.sleep(200);
			}
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

}
