package dev.scenariohub.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.scenariohub.bench.ReadModels.Model;

/**
 * The event pipeline from an acknowledged write to every read model: an officer publishes
 * scenarios (the write: {@code POST /api/v1/scenarios/{id}/publish} answered 200), and
 * each publication must reach the public feed, the inbox of someone subscribed to its
 * sector, and enterprise-service's scenarios. Measured as a burst (every publication at
 * once, {@code publishers} in flight) and at a paced rate, each against its reference
 * measured in the same run: the store's raw single-document write rate, and Kafka's
 * {@code EndToEndLatency}.
 */
public final class PipelineBench {

	/** How much to do. */
	public record Size(int burst, int publishers, int paced, double pacedPerSecond, int rawWrites, int kafkaRecords,
			long pollMillis, long timeoutSeconds, ProcessCpu processes) {

		/**
		 * Sizes by name; {@code processes} names the stack's {@code processes.txt}
		 * (bench/lib.sh) when the burst's CPU use is to be measured.
		 */
		public static Size of(Map<String, String> options) {
			return new Size(integer(options, "burst", 500), integer(options, "publishers", 16),
					integer(options, "paced", 200), Double.parseDouble(options.getOrDefault("rate", "10")),
					integer(options, "rawWrites", 5000), integer(options, "kafkaRecords", 1000),
					integer(options, "pollMillis", 10), integer(options, "timeoutSeconds", 300),
					options.containsKey("processes") ? ProcessCpu.of(Path.of(options.get("processes")))
							: ProcessCpu.none());
		}

		private static int integer(Map<String, String> options, String name, int fallback) {
			return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
		}

	}

	/** One publication: when it was sent and acknowledged (System.nanoTime()). */
	private record Publication(String scenarioId, long sent, long acknowledged) {
	}

	/** What one run measured. */
	public record Result(int burst, double arrivalPerSecond, double throughputPerSecond, double drainPerSecond,
			Latencies burstWrites, Latencies pacedWrites, Map<Model, Latencies> burstLatency, Latencies burstEveryModel,
			Map<String, ProcessCpu.Use> burstCpu, int paced, double pacedPerSecond, Map<Model, Latencies> pacedLatency,
			Latencies pacedEveryModel, double rawWritesPerSecond, KafkaLatency.Result kafka) {

		public double throughputRatio() {
			return this.throughputPerSecond / this.rawWritesPerSecond;
		}

		public double latencyRatio() {
			return this.pacedEveryModel.percentileMillis(99) / Math.max(1, this.kafka.p99());
		}

		public String report() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "reference: store raw single-document writes %.0f/s%n",
					this.rawWritesPerSecond));
			out.append(String.format(Locale.ROOT, "reference: kafka EndToEndLatency p50=%d ms p99=%d ms p99.9=%d ms%n",
					this.kafka.p50(), this.kafka.p99(), this.kafka.p999()));
			out.append(String.format(Locale.ROOT,
					"burst: %d publications acknowledged at %.0f/s; in every read model at %.0f/s; backlog after the last acknowledgement drained at %.0f/s%n",
					this.burst, this.arrivalPerSecond, this.throughputPerSecond, this.drainPerSecond));
			out.append(String.format(Locale.ROOT, "burst: sent -> acknowledged %s%n", this.burstWrites));
			this.burstLatency.forEach((model, latencies) -> out
				.append(String.format(Locale.ROOT, "burst: acknowledged -> %s %s%n", model, latencies)));
			out.append(
					String.format(Locale.ROOT, "burst: acknowledged -> every read model %s%n", this.burstEveryModel));
			out.append("burst: ").append(ProcessCpu.perUnit(this.burstCpu, this.burst, "publication")).append('\n');
			out.append(
					String.format(Locale.ROOT, "paced: %d publications at %.1f/s%n", this.paced, this.pacedPerSecond));
			out.append(String.format(Locale.ROOT, "paced: sent -> acknowledged %s%n", this.pacedWrites));
			this.pacedLatency.forEach((model, latencies) -> out
				.append(String.format(Locale.ROOT, "paced: acknowledged -> %s %s%n", model, latencies)));
			out.append(
					String.format(Locale.ROOT, "paced: acknowledged -> every read model %s%n", this.pacedEveryModel));
			out.append(String.format(Locale.ROOT,
					"ratio: throughput / raw writes = %.3f (goal >= 0.25); paced p99 / kafka p99 = %.1f (goal <= 5); drain / arrival = %.2f (goal >= 1)%n",
					throughputRatio(), latencyRatio(), this.drainPerSecond / this.arrivalPerSecond));
			return out.toString();
		}

	}

	/** The medians of the ratios over repetitions. */
	public static String medians(List<Result> results) {
		return String.format(Locale.ROOT,
				"median of %d: throughput / raw writes = %.3f (goal >= 0.25); paced p99 / kafka p99 = %.1f (goal <= 5); drain / arrival = %.2f (goal >= 1); in every read model %.0f/s, raw writes %.0f/s, paced p99 %.1f ms, kafka p99 %.0f ms%n",
				results.size(), median(results, Result::throughputRatio), median(results, Result::latencyRatio),
				median(results, r -> r.drainPerSecond() / r.arrivalPerSecond()),
				median(results, Result::throughputPerSecond), median(results, Result::rawWritesPerSecond),
				median(results, r -> r.pacedEveryModel().percentileMillis(99)), median(results, r -> r.kafka().p99()));
	}

	private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
		double[] sorted = results.stream().mapToDouble(value).sorted().toArray();
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	private static final String SECTOR = "BRAIN_COMPUTER_INTERFACE";

	private final Api api;

	private final Target target;

	private final Size size;

	public PipelineBench(Target target, Size size) {
		this.target = target;
		this.api = new Api(target);
		this.size = size;
	}

	public Result run() throws Exception {
		double raw = StoreWrites.rate(this.target.mongoUri(), this.size.publishers(), this.size.rawWrites());
		KafkaLatency.Result kafka = KafkaLatency.measure(this.target.kafkaBootstrap(), this.target.kafkaClient(),
				this.size.kafkaRecords());
		String officer = this.api.token("demo-officer");
		String subscriber = this.api.token("demo-reviewer-2");
		subscribe(subscriber);
		String program = this.api.program(officer, "Pipeline bench " + UUID.randomUUID());
		System.err.println("creating " + (this.size.burst() + this.size.paced()) + " draft scenarios");
		List<String[]> burstDrafts = drafts(officer, program, this.size.burst());
		List<String[]> pacedDrafts = drafts(officer, program, this.size.paced());
		try (ReadModels models = new ReadModels(this.target.mongoUri(), Api.subjectOf(subscriber),
				this.size.pollMillis())) {
			System.err.println("burst: publishing " + burstDrafts.size() + " scenarios");
			Map<String, ProcessCpu.Use> cpuBefore = this.size.processes().snapshot();
			List<Publication> burst = burst(officer, burstDrafts, models);
			long firstSent = burst.stream().mapToLong(Publication::sent).min().orElseThrow();
			long lastAck = burst.stream().mapToLong(Publication::acknowledged).max().orElseThrow();
			long everywhere = awaitEverywhere(burst, models);
			// from the first publication until the last is in every read model
			Map<String, ProcessCpu.Use> burstCpu = ProcessCpu.between(cpuBefore, this.size.processes().snapshot());
			long backlog = burst.stream().filter(p -> everyModel(models, p.scenarioId()) > lastAck).count();
			Map<Model, Latencies> burstLatency = latencies(burst, models);
			Latencies burstEvery = everyModelLatencies(burst, models);
			System.err.println("paced: publishing " + pacedDrafts.size() + " scenarios");
			List<Publication> paced = paced(officer, pacedDrafts, models);
			awaitEverywhere(paced, models);
			logSlowest(paced, models, 3);
			return new Result(burst.size(), burst.size() / seconds(firstSent, lastAck),
					burst.size() / seconds(firstSent, everywhere), backlog / seconds(lastAck, everywhere),
					writes(burst), writes(paced), burstLatency, burstEvery, burstCpu, paced.size(),
					this.size.pacedPerSecond(), latencies(paced, models), everyModelLatencies(paced, models), raw,
					kafka);
		}
	}

	/**
	 * Publications as in a burst, not measured: the services' code is compiled while they
	 * run (for minutes on two cores), and a measurement made meanwhile is of the compiler
	 * as much as of the pipeline.
	 * @return the CPU time each process used meanwhile (empty when no processes are
	 * given)
	 */
	public Map<String, ProcessCpu.Use> warmUp(int publications) throws Exception {
		Map<String, ProcessCpu.Use> before = this.size.processes().snapshot();
		String officer = this.api.token("demo-officer");
		String subscriber = this.api.token("demo-reviewer-2");
		subscribe(subscriber);
		String program = this.api.program(officer, "Pipeline bench warm-up " + UUID.randomUUID());
		System.err.println("warm-up: creating and publishing " + publications + " scenarios");
		List<String[]> drafts = drafts(officer, program, publications);
		try (ReadModels models = new ReadModels(this.target.mongoUri(), Api.subjectOf(subscriber),
				this.size.pollMillis())) {
			awaitEverywhere(burst(officer, drafts, models), models);
		}
		return ProcessCpu.between(before, this.size.processes().snapshot());
	}

	private static double seconds(long from, long to) {
		return Math.max(1, to - from) / 1e9;
	}

	private void subscribe(String subscriber) {
		Api.Response existing = this.api.call("GET", "/api/v1/subscriptions", subscriber, null, Map.of()).expect(200);
		if (!existing.body().contains(SECTOR)) {
			this.api.call("POST", "/api/v1/subscriptions", subscriber, Map.of("sectors", List.of(SECTOR)), Map.of())
				.expect(201);
		}
	}

	/** Draft scenarios, each as {id, version}. */
	private List<String[]> drafts(String officer, String program, int count) {
		List<String[]> drafts = new ArrayList<>();
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		List<CompletableFuture<Api.Response>> creating = new ArrayList<>();
		Semaphore inFlight = new Semaphore(this.size.publishers());
		for (int i = 0; i < count; i++) {
			inFlight.acquireUninterruptibly();
			creating.add(this.api
				.callAsync("POST", "/api/v1/scenarios", officer, Map.ofEntries(Map.entry("programId", program),
						Map.entry("title", "Pipeline bench scenario " + i), Map.entry("sector", SECTOR),
						Map.entry("demandOwner", "Bench hospital"),
						Map.entry("description", "Decode intent from signals for rehabilitation"),
						Map.entry("requiredCapabilities", List.of("signal-decoding")),
						Map.entry("support",
								Map.of("funding", Map.of("amount", "100.00", "currency", "CNY"), "computeGpuHours", 1)),
						Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
						Map.entry("closesAt", opens.plusDays(20).toString()),
						Map.entry("rubric",
								List.of(Map.of("key", "fit", "name", "Fit", "weight", 100, "anchors",
										List.of("0", "1", "2", "3", "4", "5"))))),
						Map.of())
				.whenComplete((response, failure) -> inFlight.release()));
		}
		for (CompletableFuture<Api.Response> created : creating) {
			Api.Response response = created.join().expect(201);
			drafts.add(new String[] { response.json().get("id").asString(), response.etag() });
		}
		return drafts;
	}

	private CompletableFuture<Publication> publish(String officer, String[] draft, ReadModels models) {
		models.watch(draft[0]);
		long sent = System.nanoTime();
		return this.api
			.callAsync("POST", "/api/v1/scenarios/" + draft[0] + "/publish", officer, null,
					Map.of("If-Match", draft[1]))
			.thenApply(response -> {
				long acknowledged = System.nanoTime();
				response.expect(200);
				return new Publication(draft[0], sent, acknowledged);
			});
	}

	private List<Publication> burst(String officer, List<String[]> drafts, ReadModels models) {
		Semaphore inFlight = new Semaphore(this.size.publishers());
		List<CompletableFuture<Publication>> publishing = new ArrayList<>();
		for (String[] draft : drafts) {
			inFlight.acquireUninterruptibly();
			publishing.add(publish(officer, draft, models).whenComplete((p, failure) -> inFlight.release()));
		}
		return publishing.stream().map(CompletableFuture::join).toList();
	}

	private List<Publication> paced(String officer, List<String[]> drafts, ReadModels models)
			throws InterruptedException {
		long interval = (long) (1e9 / this.size.pacedPerSecond());
		long start = System.nanoTime();
		List<CompletableFuture<Publication>> publishing = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			publishing.add(publish(officer, drafts.get(i), models));
		}
		return publishing.stream().map(CompletableFuture::join).toList();
	}

	/** When the last of them was in every model (System.nanoTime()). */
	private long awaitEverywhere(List<Publication> publications, ReadModels models) throws InterruptedException {
		List<String> ids = publications.stream().map(Publication::scenarioId).toList();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.size.timeoutSeconds());
		while (!models.allSeen(ids)) {
			if (System.nanoTime() > deadline) {
				Map<Model, Long> missing = new ConcurrentHashMap<>();
				for (Model model : Model.values()) {
					missing.put(model, ids.stream().filter(id -> models.seenAt(model, id) == null).count());
				}
				throw new IllegalStateException("publications not in every read model after "
						+ this.size.timeoutSeconds() + " s; missing per model: " + missing);
			}
			Thread.sleep(10);
		}
		return publications.stream().mapToLong(p -> everyModel(models, p.scenarioId())).max().orElseThrow();
	}

	/**
	 * The {@code count} publications that took longest to reach every read model, with
	 * when they were acknowledged and which model was last, to be set beside the stack's
	 * pause logs (bench/lib.sh).
	 */
	private static void logSlowest(List<Publication> publications, ReadModels models, int count) {
		long nanoNow = System.nanoTime();
		Instant now = Instant.now();
		publications.stream()
			.sorted(Comparator.comparingLong((Publication p) -> p.acknowledged() - everyModel(models, p.scenarioId())))
			.limit(count)
			.forEach(p -> {
				Model last = Arrays.stream(Model.values())
					.max(Comparator.comparingLong(model -> models.seenAt(model, p.scenarioId())))
					.orElseThrow();
				System.err.printf(Locale.ROOT,
						"paced, slowest: acknowledged %s, in every read model %d ms later, last %s%n",
						now.minusNanos(nanoNow - p.acknowledged()),
						(everyModel(models, p.scenarioId()) - p.acknowledged()) / 1_000_000, last);
			});
	}

	private static long everyModel(ReadModels models, String scenarioId) {
		long last = Long.MIN_VALUE;
		for (Model model : Model.values()) {
			last = Math.max(last, models.seenAt(model, scenarioId));
		}
		return last;
	}

	private static Latencies writes(List<Publication> publications) {
		Latencies latencies = new Latencies();
		publications.forEach(p -> latencies.record(p.acknowledged() - p.sent()));
		return latencies;
	}

	private static Map<Model, Latencies> latencies(List<Publication> publications, ReadModels models) {
		Map<Model, Latencies> byModel = new java.util.EnumMap<>(Model.class);
		for (Model model : Model.values()) {
			Latencies latencies = new Latencies();
			publications.forEach(p -> latencies.record(models.seenAt(model, p.scenarioId()) - p.acknowledged()));
			byModel.put(model, latencies);
		}
		return byModel;
	}

	private static Latencies everyModelLatencies(List<Publication> publications, ReadModels models) {
		Latencies latencies = new Latencies();
		publications.forEach(p -> latencies.record(everyModel(models, p.scenarioId()) - p.acknowledged()));
		return latencies;
	}

}
