package dev.scenariohub.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

/** Port checks with messages a person can act on. */
final class Ports {

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

	/** A port nothing listens on right now (for tests). */
	static int free() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new StackException("no free port", ex);
		}
	}

}
