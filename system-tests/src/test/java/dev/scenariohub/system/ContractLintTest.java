package dev.scenariohub.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI and AsyncAPI documents pass the field's own linters (Spectral,
 * Redocly, the AsyncAPI CLI) with no finding that the ruleset files do not explain. Runs
 * {@code contracts/lint/lint.sh}; skipped, saying so, where Node.js is not installed.
 */
class ContractLintTest {

	private static final int SKIPPED = 3;

	@Test
	void committedContractsPassTheFieldsLinters() throws IOException, InterruptedException {
		Path script = Path.of("..", "contracts", "lint", "lint.sh").toAbsolutePath().normalize();
		Path log = Files.createDirectories(Path.of("target")).resolve("contract-lint.log");
		Process lint = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		// the first run on a machine installs the linters from npm into a cache (about a
		// minute
		// here); later runs, fresh clones included, take about ten seconds
		boolean done = lint.waitFor(10, TimeUnit.MINUTES);
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (!done) {
			lint.destroyForcibly();
		}
		assertThat(done).as("lint finished within 10 minutes:\n" + output).isTrue();
		Assumptions.assumeFalse(lint.exitValue() == SKIPPED, () -> "contract lint skipped: " + output.strip());
		assertThat(lint.exitValue()).as(output).isZero();
	}

}
