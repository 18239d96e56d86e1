package dev.scenariohub.localstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the stack's long-running children. One that dies is reported at once with its
 * log, and started again with back-off (1 s, 2 s, 4 s, …); one that dies
 * {@link #MAX_RESTARTS} times within {@link #RESTART_WINDOW} is given up on, and the
 * stack is stopped with a clear message.
 */
final class Supervisor implements AutoCloseable {

	static final int MAX_RESTARTS = 5;

	static final Duration RESTART_WINDOW = Duration.ofMinutes(5);

	static final Duration CHECK_EVERY = Duration.ofMillis(500);

	/** One child and how to know it is ready again. */
	private static final class Child {

		volatile ChildProcess process;

		final Consumer<ChildProcess> awaitReady;

		final Deque<Long> restarts = new ArrayDeque<>();

		volatile boolean restarting;

		Child(ChildProcess process, Consumer<ChildProcess> awaitReady) {
			this.process = process;
			this.awaitReady = awaitReady;
		}

	}

	private final List<Child> children = new CopyOnWriteArrayList<>();

	private final Consumer<String> report;

	private final Runnable giveUp;

	private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "stack-supervisor");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closing;

	/**
	 * @param report where to say what happened
	 * @param giveUp what to do when a child keeps dying (e.g. stop the whole stack)
	 */
	Supervisor(Consumer<String> report, Runnable giveUp) {
		this.report = report;
		this.giveUp = giveUp;
	}

	/** Keeps {@code process} running from now on. */
	ChildProcess watch(ChildProcess process, Consumer<ChildProcess> awaitReady) {
		this.children.add(new Child(process, awaitReady));
		return process;
	}

	void start() {
		this.watcher.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** The current process id of a child, by name. */
	OptionalLong pid(String name) {
		return this.children.stream()
			.map(child -> child.process)
			.filter(process -> process.name().equals(name))
			.mapToLong(ChildProcess::pid)
			.findFirst();
	}

	/** The current processes, newest started last. */
	List<ChildProcess> processes() {
		List<ChildProcess> processes = new ArrayList<>();
		this.children.forEach(child -> processes.add(child.process));
		return processes;
	}

	private void check() {
		for (Child child : this.children) {
			ChildProcess process = child.process;
			if (this.closing || child.restarting || process.isAlive()) {
				continue;
			}
			long now = System.nanoTime();
			child.restarts.removeIf(at -> now - at > RESTART_WINDOW.toNanos());
			if (child.restarts.size() >= MAX_RESTARTS) {
				this.report.accept(process.name() + " stopped again (exit " + process.exitValue() + "), " + MAX_RESTARTS
						+ " times within " + RESTART_WINDOW.toMinutes() + " min; see " + process.log()
						+ ". Giving up: stopping ScenarioHub.");
				child.restarting = true;
				this.giveUp.run();
				return;
			}
			Duration delay = Duration.ofSeconds(1L << child.restarts.size());
			child.restarts.add(now);
			child.restarting = true;
			this.report.accept(process.name() + " stopped unexpectedly (exit " + process.exitValue() + "); see "
					+ process.log() + ". Restarting it in " + delay.toSeconds() + " s.");
			this.watcher.schedule(() -> restart(child), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void restart(Child child) {
		if (this.closing) {
			return;
		}
		ChildProcess again;
		try {
			again = child.process.restart();
		}
		catch (StackException ex) {
			this.report.accept(ex.getMessage());
			child.restarting = false;
			return;
		}
		child.process = again;
		CompletableFuture.runAsync(() -> {
			try {
				child.awaitReady.accept(again);
				this.report.accept(again.name() + " is running again");
			}
			catch (StackException ex) {
				this.report.accept(ex.getMessage());
			}
			finally {
				child.restarting = false;
			}
		});
	}

	/** Stops watching (before the children are stopped on purpose). */
	@Override
	public void close() {
		this.closing = true;
		this.watcher.shutdownNow();
	}

}
