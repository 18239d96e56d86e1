package dev.scenariohub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) from the Apache Kafka
 * jars, in a process of its own. Its storage is formatted once; later starts reuse the
 * data.
 */
final class KafkaBroker {

	/** Partitions of every topic. */
	static final int PARTITIONS = 3;

	private KafkaBroker() {
	}

	static ChildProcess start(StackConfig config, String classpath) {
		Path dir = config.dataDir().resolve("kafka");
		Path logs = config.dataDir().resolve("logs");
		try {
			Files.createDirectories(dir);
			Path properties = config.dataDir().resolve("kafka-server.properties");
			Files.writeString(properties, serverProperties(config, dir));
			Path log4j = config.dataDir().resolve("kafka-log4j2.properties");
			Files.writeString(log4j, """
					status = warn
					appender.file.type = File
					appender.file.name = file
					appender.file.fileName = %s
					appender.file.layout.type = PatternLayout
					appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
					rootLogger.level = WARN
					rootLogger.appenderRef.file.ref = file
					logger.kafka.name = kafka.server.KafkaRaftServer
					logger.kafka.level = INFO
					""".formatted(logs.resolve("kafka-server.log").toString().replace("\\", "/")));
			List<String> jvm = List.of(ChildProcess.java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
					"-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
			Path mode = dir.resolve("scenariohub-kafka-auth");
			String wanted = config.kafkaAuth() ? "scram" : "none";
			if (Files.exists(dir.resolve("meta.properties"))) {
				String formatted = Files.exists(mode) ? Files.readString(mode).trim() : "none";
				if (!formatted.equals(wanted)) {
					throw new StackException("Kafka's data under " + dir + " was made with KAFKA_AUTH=" + formatted
							+ ", not " + wanted + ": use another SCENARIOHUB_DATA_DIR, or delete that one");
				}
			}
			else {
				ChildProcess format = ChildProcess.start("kafka-format",
						concat(jvm, formatArguments(config, properties)), Map.of(), logs);
				int exit = format.awaitExit(Duration.ofSeconds(60));
				if (exit != 0) {
					throw new StackException(
							"Formatting Kafka storage failed (exit " + exit + "); see " + format.log());
				}
				Files.writeString(mode, wanted);
			}
			return ChildProcess.start("kafka", concat(jvm, List.of("kafka.Kafka", properties.toString())), Map.of(),
					logs);
		}
		catch (IOException ex) {
			throw new StackException("Could not prepare Kafka under " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> formatArguments(StackConfig config, Path properties) {
		List<String> arguments = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t",
				Uuid.randomUuid().toString(), "-c", properties.toString()));
		if (config.kafkaAuth()) {
			arguments.addAll(KafkaSecurity.formatArguments());
		}
		return arguments;
	}

	private static String serverProperties(StackConfig c, Path dir) {
		String listeners = c.kafkaAuth() ? KafkaSecurity.serverProperties(c.kafkaPort(), c.kafkaControllerPort()) : """
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				auto.create.topics.enable=true
				""".formatted(c.kafkaPort(), c.kafkaControllerPort());
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				controller.listener.names=CONTROLLER
				log.dirs=%3$s
				num.partitions=%4$d
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(c.kafkaPort(), c.kafkaControllerPort(), dir.toString().replace("\\", "/"), PARTITIONS)
				+ listeners;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

}
