package dev.scenariohub.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.scenariohub.bench.MatchingBench;
import dev.scenariohub.bench.PipelineBench;
import dev.scenariohub.bench.ReadModels.Model;
import dev.scenariohub.bench.StoreBench;
import dev.scenariohub.bench.Target;
import dev.scenariohub.localstack.IndexOrder;
import dev.scenariohub.localstack.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks of {@code bench/} at tiny sizes against the test stack, so that they
 * cannot rot: each runs to the end, and what it measures is there.
 */
class BenchSmokeSystemTest {

	private static Target target() {
		StackConfig stack = Stack.get();
		return new Target(stack.gatewayUrl(), stack.issuerUrl(), stack.kafkaBootstrap(), stack.kafkaClientProperties(),
				stack.effectiveMongoUri());
	}

	@Test
	void thePipelineBenchmarkSeesEveryPublicationInEveryReadModel(@TempDir Path dir) throws Exception {
		// the test stack's processes are not listed: only the harness's own CPU is read
		Path processes = Files.writeString(dir.resolve("processes.txt"), "");
		PipelineBench bench = new PipelineBench(target(),
				PipelineBench.Size.of(Map.of("burst", "6", "publishers", "3", "paced", "4", "rate", "20", "rawWrites",
						"200", "kafkaRecords", "20", "timeoutSeconds", "60", "processes", processes.toString())));

		assertThat(bench.warmUp(3)).hasEntrySatisfying("harness", used -> assertThat(used.millis()).isPositive());
		PipelineBench.Result result = bench.run();

		assertThat(result.burst()).isEqualTo(6);
		for (Model model : Model.values()) {
			assertThat(result.burstLatency().get(model).count()).as("burst into %s", model).isEqualTo(6);
			assertThat(result.pacedLatency().get(model).count()).as("paced into %s", model).isEqualTo(4);
		}
		assertThat(result.rawWritesPerSecond()).isPositive();
		assertThat(result.kafka().output()).anyMatch(line -> line.startsWith("Percentiles"));
		assertThat(result.report()).contains("ratio: throughput / raw writes")
			.contains("burst: CPU per publication, ms (of it JIT compiling): harness ");
		assertThat(result.burstCpu().get("harness").millis()).isPositive();
	}

	@Test
	void theStoreBenchmarkMeasuresUpdatesAndLookupsInEachIndexOrder() throws Exception {
		StoreBench bench = new StoreBench(Map.of("documents", "300", "operations", "200", "clients", "2"));
		for (IndexOrder order : IndexOrder.values()) {
			StoreBench.Result result = bench.run(order, 16);
			assertThat(result.order()).isEqualTo(order);
			assertThat(result.cacheMegabytes()).isEqualTo(16);
			assertThat(result.updatesPerSecond()).isPositive();
			assertThat(result.lookupsPerSecond()).isPositive();
			assertThat(result.updateKilobytes()).isPositive();
		}
	}

	@Test
	void theMatchingBenchmarkMeasuresBothDirectionsAtEachStep() throws Exception {
		MatchingBench.Result result = new MatchingBench(target(), MatchingBench.Size.of(Map.of("enterprises", "6,12",
				"scenarios", "5", "concurrency", "2", "requests", "8", "repetitions", "1", "seeders", "4")))
			.run();

		assertThat(result.steps()).extracting(MatchingBench.Step::enterprises).isEqualTo(List.of(6, 12));
		for (MatchingBench.Step step : result.steps()) {
			MatchingBench.Repetition repetition = step.repetitions().get(0);
			assertThat(List.of(repetition.read(), repetition.byEnterprise(), repetition.byScenario()))
				.allSatisfy(latencies -> assertThat(latencies.count()).isEqualTo(8));
		}
		assertThat(result.steps()).allSatisfy(step -> assertThat(step.catchUpSeconds()).isNotNegative());
		assertThat(result.report()).contains("curve: 2x the enterprises").contains("consumers caught up");
	}

}
