package dev.scenariohub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.localstack.IndexOrder;

/**
 * {@code java -cp ... dev.scenariohub.bench.Bench pipeline|matching|store [name=value ...]}:
 * one repetition of a measurement against a running stack; prints what it measured.
 * Options name where the stack answers ({@code gateway}, {@code issuer}, {@code kafka},
 * {@code mongo}; {@code ./run.sh}'s defaults otherwise) and the sizes.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0
				|| !(args[0].equals("pipeline") || args[0].equals("matching") || args[0].equals("store"))) {
			System.err.println("usage: Bench pipeline|matching|store [name=value ...]");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			String[] pair = args[i].split("=", 2);
			if (pair.length != 2) {
				System.err.println("not name=value: " + args[i]);
				System.exit(2);
			}
			options.put(pair[0], pair[1]);
		}
		if (args[0].equals("store")) {
			StoreBench bench = new StoreBench(options);
			int repetitions = Integer.parseInt(options.getOrDefault("repetitions", "3"));
			for (int r = 1; r <= repetitions; r++) {
				for (String cache : options.getOrDefault("caches", "64").split(",")) {
					for (String order : options.getOrDefault("orders", "values,serialised").split(",")) {
						IndexOrder indexOrder = IndexOrder.valueOf(order.trim().toUpperCase(Locale.ROOT));
						System.out.print("repetition " + r + ": "
								+ bench.run(indexOrder, Integer.parseInt(cache.trim())).report());
					}
				}
			}
			System.exit(0);
		}
		Target target = Target.of(options);
		if (args[0].equals("pipeline")) {
			int repetitions = Integer.parseInt(options.getOrDefault("repetitions", "3"));
			warmUp(target, options);
			List<PipelineBench.Result> results = new ArrayList<>();
			for (int r = 1; r <= repetitions; r++) {
				PipelineBench.Result result = new PipelineBench(target, PipelineBench.Size.of(options)).run();
				System.out.println("repetition " + r + ":");
				System.out.print(result.report());
				results.add(result);
			}
			System.out.print(PipelineBench.medians(results));
		}
		else {
			System.out.print(new MatchingBench(target, MatchingBench.Size.of(options)).run().report());
		}
		System.exit(0);
	}

	/**
	 * Rounds of {@code warmup} publications, not measured, until the JIT compilers took
	 * less than {@code settled} (0.1) of the CPU the stack and the harness used in a
	 * round, or {@code warmupRounds} (1) rounds were made; without {@code processes} the
	 * compilers' share is not known and every round is made.
	 */
	private static void warmUp(Target target, Map<String, String> options) throws Exception {
		int publications = Integer.parseInt(options.getOrDefault("warmup", "0"));
		int rounds = Integer.parseInt(options.getOrDefault("warmupRounds", "1"));
		double settled = Double.parseDouble(options.getOrDefault("settled", "0.1"));
		for (int round = 1; publications > 0 && round <= rounds; round++) {
			Map<String, ProcessCpu.Use> used = new PipelineBench(target, PipelineBench.Size.of(options))
				.warmUp(publications);
			double jit = ProcessCpu.jitShare(used);
			System.out.printf(Locale.ROOT,
					"warm-up round %d: %d publications, not measured; JIT compiling %s of the CPU used%n", round,
					publications, used.isEmpty() ? "(not measured)" : String.format(Locale.ROOT, "%.0f %%", 100 * jit));
			if (!used.isEmpty() && jit < settled) {
				break;
			}
		}
	}

}
