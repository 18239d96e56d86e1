package dev.scenariohub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An archive of each service's classes for the services the stack starts: application
 * class-data sharing (AppCDS) on Java 17 to 24, the AOT cache (JEP 483/514: classes
 * loaded and linked ahead of time) on Java 25 and later. A service's jar is extracted
 * once (Spring Boot's {@code jarmode=tools}; neither can archive classes from a nested
 * jar), its first run writes the archive when it exits, and later starts map it instead
 * of loading and verifying those classes again ({@code bench/startup.sh} measures the
 * difference). A new build of the service starts over. Where anything here fails, the
 * service starts from its jar as before.
 */
final class ClassDataSharing {

	/** The first Java release with the AOT cache's one-step training option. */
	static final int AOT_CACHE_SINCE = 25;

	private final boolean enabled;

	private final int javaFeature;

	ClassDataSharing(boolean enabled) {
		this(enabled, Runtime.version().feature());
	}

	/**
	 * @param javaFeature the release of the Java that runs the services (the stack's own)
	 */
	ClassDataSharing(boolean enabled, int javaFeature) {
		this.enabled = enabled;
		this.javaFeature = javaFeature;
	}

	/**
	 * What follows the JVM options on the service's command line. Only a first instance
	 * writes the archive (a second replica would write the same file).
	 */
	List<String> launch(String name, Path jar, boolean firstInstance) {
		List<String> plain = List.of("-jar", jar.toString());
		if (!this.enabled) {
			return plain;
		}
		Path dir = jar.resolveSibling("cds").resolve(name);
		Path extracted = dir.resolve(jar.getFileName());
		boolean aot = this.javaFeature >= AOT_CACHE_SINCE;
		Path archive = dir.resolve(name + (aot ? ".aot" : ".jsa"));
		try {
			if (!Files.isRegularFile(extracted)
					|| Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
				deleteRecursively(dir);
				if (!extract(jar, dir) || !Files.isRegularFile(extracted)) {
					return plain;
				}
			}
		}
		catch (IOException ex) {
			return plain;
		}
		List<String> launch = new ArrayList<>();
		if (Files.isRegularFile(archive)) {
			launch.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
		}
		else if (firstInstance) {
			launch.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
		}
		launch.add("-jar");
		launch.add(extracted.toString());
		return launch;
	}

	private static boolean extract(Path jar, Path dir) throws IOException {
		Files.createDirectories(dir.getParent());
		Process tool = new ProcessBuilder(ChildProcess.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", dir.toString())
			.redirectErrorStream(true)
			// beside the destination, which must be empty
			.redirectOutput(dir.resolveSibling(dir.getFileName() + "-extract.log").toFile())
			.start();
		try {
			if (!tool.waitFor(60, TimeUnit.SECONDS)) {
				tool.destroyForcibly();
				return false;
			}
			return tool.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			tool.destroyForcibly();
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
