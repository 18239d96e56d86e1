package dev.scenariohub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time the stack's processes (and this harness) used, read from Linux's
 * {@code /proc}, and how much of it their JIT compilers' threads took: on two cores a
 * publication's cost in CPU bounds how many the machine can carry a second, whatever the
 * code does with it. Processes come from the bench stack's {@code processes.txt}
 * ({@code <pid> <name>} per line); a process that is gone, or a system without
 * {@code /proc}, is left out; so is the time of a compiler thread that ended in between
 * (Java 17 starts and stops compiler threads as its queue grows and shrinks).
 */
public final class ProcessCpu {

	/** Cumulative CPU time of one process, and of its JIT compiler threads. */
	public record Use(double millis, double jitMillis) {

		Use minus(Use earlier) {
			return new Use(this.millis - earlier.millis, Math.max(0, this.jitMillis - earlier.jitMillis));
		}

	}

	/** The kernel's clock ticks a second ({@code getconf CLK_TCK}); 100 on Linux. */
	private static final double TICKS_PER_SECOND = 100;

	private final Map<Long, String> names;

	private ProcessCpu(Map<Long, String> names) {
		this.names = names;
	}

	/** The processes listed in a bench stack's {@code processes.txt}, and this one. */
	public static ProcessCpu of(Path processes) {
		Map<Long, String> names = new LinkedHashMap<>();
		try (Stream<String> lines = Files.lines(processes)) {
			lines.map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
				String[] pidAndName = line.split("\\s+", 2);
				names.put(Long.parseLong(pidAndName[0]), pidAndName.length > 1 ? pidAndName[1] : pidAndName[0]);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the stack's processes from " + processes, ex);
		}
		names.put(ProcessHandle.current().pid(), "harness");
		return new ProcessCpu(names);
	}

	/** No processes: nothing is measured. */
	public static ProcessCpu none() {
		return new ProcessCpu(Map.of());
	}

	/** Each process's CPU time so far, by name. */
	public Map<String, Use> snapshot() {
		Map<String, Use> uses = new LinkedHashMap<>();
		this.names.forEach((pid, name) -> {
			Path proc = Path.of("/proc", Long.toString(pid));
			try {
				long ticks = ticks(Files.readString(proc.resolve("stat")));
				long jit = 0;
				try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
					for (Path thread : threads.toList()) {
						if (isCompiler(readQuietly(thread.resolve("comm")))) {
							String stat = readQuietly(thread.resolve("stat"));
							jit += stat.isEmpty() ? 0 : ticks(stat);
						}
					}
				}
				uses.put(name, new Use(ticks * 1000 / TICKS_PER_SECOND, jit * 1000 / TICKS_PER_SECOND));
			}
			catch (IOException | UncheckedIOException ex) {
				// gone, or no /proc: left out
			}
		});
		return uses;
	}

	/** What each process used between two snapshots (only those in both). */
	public static Map<String, Use> between(Map<String, Use> before, Map<String, Use> after) {
		Map<String, Use> used = new LinkedHashMap<>();
		after.forEach((name, use) -> {
			if (before.containsKey(name)) {
				used.put(name, use.minus(before.get(name)));
			}
		});
		return used;
	}

	/**
	 * One line: CPU milliseconds per unit of work by process, of it the JIT's in
	 * brackets, the sum, and the most units a second the machine's cores allow at that
	 * cost.
	 */
	public static String perUnit(Map<String, Use> used, long units, String unit) {
		if (used.isEmpty() || units == 0) {
			return "CPU per " + unit + ": not measured (no processes given)";
		}
		StringBuilder line = new StringBuilder("CPU per " + unit + ", ms (of it JIT compiling):");
		double all = 0;
		double jit = 0;
		for (Map.Entry<String, Use> entry : used.entrySet()) {
			Use use = entry.getValue();
			line.append(String.format(Locale.ROOT, " %s %.1f (%.1f),", entry.getKey(), use.millis() / units,
					use.jitMillis() / units));
			all += use.millis();
			jit += use.jitMillis();
		}
		int cores = Runtime.getRuntime().availableProcessors();
		line.append(String.format(Locale.ROOT, " all %.1f (%.1f); %d cores allow at most %.0f %ss a second",
				all / units, jit / units, cores, cores * 1000.0 * units / Math.max(all, 1), unit));
		return line.toString();
	}

	/** The JIT compilers' share of all the CPU time used, 0 to 1. */
	public static double jitShare(Map<String, Use> used) {
		double all = used.values().stream().mapToDouble(Use::millis).sum();
		double jit = used.values().stream().mapToDouble(Use::jitMillis).sum();
		return all <= 0 ? 0 : jit / all;
	}

	/** User + system time of a {@code stat} line, in clock ticks. */
	static long ticks(String stat) {
		// the command name, in parentheses, may hold spaces: count fields after it
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// state is field 3 of the line, the first after the name: utime is 14, stime 15
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static boolean isCompiler(String threadName) {
		return List.of("C1 CompilerThre", "C2 CompilerThre").contains(threadName.trim());
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			// the thread ended meanwhile
			return "";
		}
	}

}
