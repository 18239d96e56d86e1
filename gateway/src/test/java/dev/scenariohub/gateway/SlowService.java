package dev.scenariohub.gateway;

import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for every service behind the gateway: a busy but healthy one that answers
 * {@code {"items":[]}} after a delay, except under a path prefix where it never answers.
 */
final class SlowService {

	private SlowService() {
	}

	/**
	 * @param neverUnder a path prefix left unanswered, or null
	 */
	static DisposableServer start(Duration delay, String neverUnder) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes
				.route(request -> neverUnder != null && request.uri().startsWith(neverUnder),
						(request, response) -> response.sendString(Mono.never()))
				.route(request -> true,
						(request, response) -> response.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"items\":[]}").delayElement(delay))))
			.bindNow();
	}

	/** Every route of the gateway to the one server. */
	static void routeEverythingTo(DisposableServer server, DynamicPropertyRegistry registry) {
		for (String service : new String[] { "SCENARIO", "ENTERPRISE", "NOTIFICATION" }) {
			registry.add(service + "_SERVICE_URL", () -> "http://127.0.0.1:" + server.port());
		}
	}

}
