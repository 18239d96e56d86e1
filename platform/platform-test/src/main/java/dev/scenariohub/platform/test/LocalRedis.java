package dev.scenariohub.platform.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Redis server of one test, from Debian's {@code redis-server} (which {@code .ci/run}
 * installs), on 127.0.0.1 and a free port, without persistence. Where the package is
 * absent the test is skipped, saying what it could not test.
 */
public final class LocalRedis implements AutoCloseable {

	private static final Path SERVER = Path.of("/usr/bin/redis-server");

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a server and waits until it listens.
	 * @param untested what goes untested without it, for the skip message
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	public static LocalRedis start(String untested) throws IOException {
		assumeTrue(Files.isExecutable(SERVER),
				"redis-server is not installed (Debian package redis-server): " + untested + " not tested");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(SERVER.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		int listening = port;
		await().atMost(Duration.ofSeconds(10)).until(() -> listens(listening));
		return new LocalRedis(process, port);
	}

	/** Its address, as {@code spring.data.redis.url} takes it. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Stops the server and waits until it has gone. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

}
