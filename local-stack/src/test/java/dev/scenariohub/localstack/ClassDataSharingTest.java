package dev.scenariohub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTest {

	@Test
	void aServiceRunsFromItsExtractedJarWritesTheArchiveOnceAndMapsItLater(@TempDir Path dir) throws IOException {
		Path built = Path.of("..", "gateway", "target", "gateway.jar");
		Assumptions.assumeTrue(Files.isRegularFile(built), "the gateway is not packaged yet: " + built);
		Path jar = Files.copy(built, dir.resolve("gateway.jar"));
		Path extracted = dir.resolve("cds/gateway/gateway.jar");
		Path archive = dir.resolve("cds/gateway/gateway.jsa");
		ClassDataSharing cds = new ClassDataSharing(true, 17);

		assertThat(cds.launch("gateway", jar, true)).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-jar",
				extracted.toString());
		assertThat(extracted).isRegularFile();
		assertThat(dir.resolve("cds/gateway/lib")).isDirectoryContaining("glob:**.jar");
		assertThat(cds.launch("gateway", jar, false)).as("a second replica writes no archive")
			.containsExactly("-jar", extracted.toString());

		Files.writeString(archive, "archived classes");
		assertThat(cds.launch("gateway", jar, true)).containsExactly("-XX:SharedArchiveFile=" + archive, "-jar",
				extracted.toString());

		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		assertThat(cds.launch("gateway", jar, true)).as("a new build starts over")
			.containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted.toString());
		assertThat(archive).doesNotExist();
	}

	@Test
	void onJava25TheServiceTrainsAndThenUsesAnAotCache(@TempDir Path dir) throws IOException {
		Path built = Path.of("..", "gateway", "target", "gateway.jar");
		Assumptions.assumeTrue(Files.isRegularFile(built), "the gateway is not packaged yet: " + built);
		Path jar = Files.copy(built, dir.resolve("gateway.jar"));
		Path extracted = dir.resolve("cds/gateway/gateway.jar");
		Path cache = dir.resolve("cds/gateway/gateway.aot");
		ClassDataSharing aot = new ClassDataSharing(true, 25);

		assertThat(aot.launch("gateway", jar, true)).containsExactly("-XX:AOTCacheOutput=" + cache, "-jar",
				extracted.toString());
		assertThat(aot.launch("gateway", jar, false)).as("a second replica writes no cache")
			.containsExactly("-jar", extracted.toString());
		Files.writeString(cache, "ahead-of-time cache");
		assertThat(aot.launch("gateway", jar, true)).containsExactly("-XX:AOTCache=" + cache, "-jar",
				extracted.toString());
	}

	@Test
	void turnedOffOrUnextractableTheServiceRunsFromItsJar(@TempDir Path dir) throws IOException {
		Path notABootJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");
		assertThat(new ClassDataSharing(false).launch("broken", notABootJar, true)).containsExactly("-jar",
				notABootJar.toString());
		assertThat(new ClassDataSharing(true).launch("broken", notABootJar, true)).containsExactly("-jar",
				notABootJar.toString());
	}

}
