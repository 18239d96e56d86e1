package dev.scenariohub.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference for latency: Kafka's own {@code EndToEndLatency} tool against the same
 * broker — one record at a time, produced with acks=all and consumed, as the pipeline's
 * events are. Run in its own JVM, as the tool exits the process when done.
 */
public final class KafkaLatency {

	private static final Pattern PERCENTILES = Pattern
		.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

	/** The tool's own figures, in whole milliseconds as it prints them. */
	public record Result(long p50, long p99, long p999, List<String> output) {
	}

	private KafkaLatency() {
	}

	public static Result measure(String bootstrap, Map<String, Object> client, int records) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency",
						bootstrap, "bench-end-to-end-latency", Integer.toString(records), "all", "512"));
		Path settings = null;
		if (!client.isEmpty()) {
			// the tool takes further client settings (credentials) from a properties file
			Properties properties = new Properties();
			client.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
			settings = Files.createTempFile("bench-kafka-client", ".properties");
			try (var out = Files.newOutputStream(settings)) {
				properties.store(out, null);
			}
			command.add(settings.toString());
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			return read(process);
		}
		finally {
			if (settings != null) {
				Files.deleteIfExists(settings);
			}
		}
	}

	private static Result read(Process process) throws Exception {
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.add(line);
			}
		}
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("EndToEndLatency failed: " + String.join("\n", output));
		}
		for (String line : output) {
			Matcher matcher = PERCENTILES.matcher(line);
			if (matcher.find()) {
				return new Result(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
						Long.parseLong(matcher.group(3)), output);
			}
		}
		throw new IllegalStateException("EndToEndLatency printed no percentiles: " + String.join("\n", output));
	}

}
