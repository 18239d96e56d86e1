package dev.scenariohub.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks with messages a person can act on. */
public final class Ports {

	private Ports() {
	}

	/** Fails with one clear message naming every port that is already taken. */
	static void requireFree(Map<String, Integer> ports) {
		StringBuilder busy = new StringBuilder();
		ports.forEach((name, port) -> {
			if (!isFree(port)) {
				busy.append("\n  port ").append(port).append(" (").append(name).append(") is already in use");
			}
		});
		if (!busy.isEmpty()) {
			throw new StackException("Cannot start:" + busy
					+ "\nStop whatever listens there, or choose other ports, e.g. GATEWAY_PORT=18080 ./run.sh");
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true); // as servers bind: a port in TIME_WAIT is free
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port nothing listens on right now, for a part that will listen on it a little
	 * later (tests, replicas). Chosen below the range the kernel hands out to outgoing
	 * connections: a port from that range (what binding port 0 gives) can be taken as the
	 * local end of some client's connection in the seconds before the part listens, and
	 * the part then fails to start.
	 */
	public static int free() {
		int below = ephemeralRangeStart();
		for (int attempt = 0; attempt < 200 && below > LOWEST + 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
			// a port handed out before may still be free, until its process binds it
			if (isFree(port) && GIVEN.add(port)) {
				return port;
			}
		}
		for (int attempt = 0; attempt < 200; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
				if (GIVEN.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new StackException("no free port", ex);
			}
		}
		throw new StackException("no free port that was not handed out already");
	}

	/** Every port {@link #free()} has answered in this JVM: none is answered twice. */
	private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

	/** The lowest port of the ones {@link #free()} chooses from. */
	static final int LOWEST = 20000;

	/**
	 * Where Linux starts handing out ports for outgoing connections (32768 unless
	 * changed).
	 */
	static int ephemeralRangeStart() {
		// read line by line: procfs reports a size of 0, which readString trusts
		try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
			return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException notLinux) {
			return 32768;
		}
	}

}
