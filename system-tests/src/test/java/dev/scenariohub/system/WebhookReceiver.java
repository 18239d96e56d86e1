package dev.scenariohub.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;

/** A subscriber's webhook endpoint on loopback that answers 204 and keeps what it got. */
final class WebhookReceiver implements AutoCloseable {

	/** One call: its {@code webhook-id} and {@code traceparent} headers and its body. */
	record Call(String webhookId, String traceparent, String body) {
	}

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/hook", exchange -> {
			this.calls.add(new Call(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
					exchange.getRequestHeaders().getFirst("traceparent"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * Distinct {@code webhook-id}s of the calls whose body contains all the given texts.
	 */
	long distinctIdsWith(String... texts) {
		return this.calls.stream()
			.filter(call -> List.of(texts).stream().allMatch(call.body()::contains))
			.map(Call::webhookId)
			.distinct()
			.count();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
