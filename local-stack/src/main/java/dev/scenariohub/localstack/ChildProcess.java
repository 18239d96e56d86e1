package dev.scenariohub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process the stack started, with its log file, and how to wait for it and stop it.
 */
final class ChildProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/** How to start a process, so it can be started again the same way. */
	record Spec(String name, List<String> command, Map<String, String> env, Path logDir) {
	}

	private final Spec spec;

	private final Process process;

	private final Path log;

	private ChildProcess(Spec spec, Process process, Path log) {
		this.spec = spec;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Map<String, String> env, Path logDir) {
		return start(new Spec(name, command, env, logDir), false);
	}

	/**
	 * @param append keep what the log holds (a restart after a crash keeps the crash's
	 * log)
	 */
	private static ChildProcess start(Spec spec, boolean append) {
		try {
			Files.createDirectories(spec.logDir());
			Path log = spec.logDir().resolve(spec.name() + ".log");
			ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true)
				.redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile())
						: ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(spec.env());
			return new ChildProcess(spec, builder.start(), log);
		}
		catch (IOException ex) {
			throw new StackException("Could not start " + spec.name() + ": " + ex.getMessage(), ex);
		}
	}

	/** The same command again, appending to the same log. */
	ChildProcess restart() {
		return start(this.spec, true);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit code of a process that has ended. */
	int exitValue() {
		return this.process.exitValue();
	}

	/** The java executable that runs this JVM, so children run on the same Java. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String name() {
		return this.spec.name();
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	/** Waits until the process answers 200 on the URL. */
	void awaitHttpOk(String url, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
		awaitCondition(() -> {
			try {
				return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StackException("interrupted while waiting for " + name());
			}
		}, timeout);
	}

	/** Waits for the condition while the process is alive. */
	void awaitCondition(BooleanSupplier ready, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready.getAsBoolean()) {
			if (!this.process.isAlive()) {
				throw new StackException(name() + " stopped with exit code " + this.process.exitValue()
						+ " before it was ready; see " + this.log);
			}
			if (System.nanoTime() > deadline) {
				throw new StackException(
						name() + " was not ready after " + timeout.toSeconds() + " s; see " + this.log);
			}
			try {
				this.process.waitFor(250, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StackException("interrupted while waiting for " + name());
			}
		}
	}

	/**
	 * Waits for the process to end by itself (for one-shot tools) and returns its exit
	 * code.
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new StackException(
						name() + " did not finish within " + timeout.toSeconds() + " s; see " + this.log);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while waiting for " + name());
		}
	}

	/**
	 * Asks the process to stop (SIGTERM: Spring and Kafka shut down gracefully), then
	 * insists.
	 */
	void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
