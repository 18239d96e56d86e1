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
 * Application class-data sharing (Java 17's AppCDS) for the services the stack starts: a
 * service's jar is extracted once (Spring Boot's {@code jarmode=tools}; CDS cannot
 * archive classes from a nested jar), its first run writes an archive of the classes it
 * loaded when it exits, and later starts map that archive instead of loading and
 * verifying those classes again ({@code bench/startup.sh} measures the difference). A new
 * build of the service starts over. Where anything here fails, the service starts from
 * its jar as before.
 */
final class ClassDataSharing {

	private final boolean enabled;

	ClassDataSharing(boolean enabled) {
		this.enabled = enabled;
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
		Path archive = dir.resolve(name + ".jsa");
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
			launch.add("-XX:SharedArchiveFile=" + archive);
		}
		else if (firstInstance) {
			launch.add("-XX:ArchiveClassesAtExit=" + archive);
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
