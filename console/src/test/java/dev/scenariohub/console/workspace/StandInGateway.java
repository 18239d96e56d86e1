package dev.scenariohub.console.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;

import dev.scenariohub.console.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for the gateway that the workspace's pages call, and the console signed in
 * as an enterprise user against it. Every test class of the workspace extends this one,
 * so they share one stand-in and one application context; each call the stand-in gets is
 * noted in {@link #CALLS} with the token it carried. The stand-in lives as long as the
 * test JVM (the cached context keeps calling it).
 */
@SpringBootTest(properties = "console.issuer-uri=http://issuer.test")
@AutoConfigureWebTestClient(timeout = "30s")
abstract class StandInGateway {

	static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

	static final DisposableServer GATEWAY = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/api/v1/notifications", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			if (!"Bearer access-token".equals(request.requestHeaders().get(HttpHeaders.AUTHORIZATION))) {
				return response.status(401)
					.header("Content-Type", "application/problem+json")
					.sendString(Mono.just("{\"type\": \"https://scenariohub.dev/problems/unauthorized\","
							+ " \"title\": \"Unauthorized\", \"status\": 401}"));
			}
			return response.header("Content-Type", "application/json").sendString(Mono.just("""
					{"items": [
					  {"id": "n2", "title": "Application submitted", "body": "Drone routes: submitted",
					   "createdAt": "2026-11-29T08:00:00Z", "type": "dev.scenariohub.application.submitted.v1"},
					  {"id": "n1", "title": "Scenario published", "body": "A new scenario",
					   "createdAt": "2026-11-28T08:00:00Z", "readAt": "2026-11-28T09:00:00Z",
					   "type": "dev.scenariohub.scenario.published.v1"}]}
					"""));
		}).get("/api/v1/enterprises", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"items\": [{\"id\": \"e1\", \"name\": \"Haizhu Drones\","
						+ " \"category\": \"STARTUP\", \"status\": \"PENDING\"}]}"));
		}).get("/api/v1/applications", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"items\": [{\"id\": \"a1\", \"summary\": \"Drone routes over Pazhou\","
						+ " \"status\": \"SUBMITTED\"}]}"));
		}).get("/api/v1/applications/a1", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(
						Mono.just("{\"id\": \"a1\", \"scenarioId\": \"s1\", \"summary\": \"Drone routes over Pazhou\","
								+ " \"status\": \"DRAFT\", \"version\": 1,"
								+ " \"requestedFunding\": {\"amount\": \"90000.00\", \"currency\": \"CNY\"}}"));
		}).get("/api/v1/scenarios/s1", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"id\": \"s1\", \"title\": \"Drone deliveries\", \"status\": \"OPEN\"}"));
		}).get("/api/v1/notification-preferences", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"recipient\": \"demo-enterprise-1\", \"locale\": \"zh-CN\","
						+ " \"email\": \"wu.lei@example.com\", \"channels\": {\"REVIEW\": [\"INBOX\"]}}"));
		})
			.put("/api/v1/notification-preferences", recorded("{}"))
			.post("/api/v1/notification-preferences/email-confirmation",
					recorded("{\"email\": \"wu.lei@example.com\", \"sent\": true}"))
			.get("/api/v1/subscriptions",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(
								"[{\"id\": \"sub1\", \"sectors\": [\"HEALTHCARE\"], \"capabilities\": [\"lidar\"]}]")))
			.delete("/api/v1/subscriptions/sub1", recorded(""))
			.get("/api/v1/webhooks",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(
								"[{\"id\": \"w0\", \"url\": \"https://hooks.example.com/old\", \"eventTypes\": []}]")))
			.post("/api/v1/webhooks",
					recorded("{\"id\": \"w1\", \"url\": \"https://hooks.example.com/new\","
							+ " \"secret\": \"whsec-5f2b9c\", \"eventTypes\": []}"))
			.get("/api/v1/enterprises/e1", (request, response) -> response.header("Content-Type", "application/json")
				.sendString(Mono
					.just("{\"id\": \"e1\", \"name\": \"Haizhu Drones\", \"creditCode\": \"91440101MA5CYUF219\","
							+ " \"category\": \"STARTUP\", \"status\": \"VERIFIED\", \"owner\": \"demo-enterprise-1\","
							+ " \"members\": [\"demo-enterprise-2\"], \"capabilities\": [\"drone-navigation\"],"
							+ " \"creditCodeChecksumFails\": false, \"version\": 3}")))
			.get("/api/v1/matches", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("[{\"scenarioId\": \"s1\", \"title\": \"Drone deliveries\", \"score\": 82.4,"
							+ " \"reasons\": [\"matches 1 of 1 required capabilities\"]}]"));
			})
			.post("/api/v1/enterprises/e1/members", recorded("{}"))
			.get("/api/v1/enterprises/credit-code-check", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"creditCode\": \"91430111MA4L41YT1T\", \"valid\": false,"
							+ " \"problem\": \"WRONG_CHECK_CHARACTER\"}"));
			})
			.post("/api/v1/scenarios/s1/objections", recorded("{\"objectionId\": \"o1\", \"status\": \"LODGED\"}"))
			.get("/api/v1/notifications/stream", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION)
						+ " after=" + request.requestHeaders().get("Last-Event-ID"));
				if ("refuse".equals(request.requestHeaders().get("Last-Event-ID"))) {
					return response.status(429)
						.header("Content-Type", "application/problem+json")
						.sendString(Mono.just("{\"type\": \"https://scenariohub.dev/problems/too-many-streams\","
								+ " \"title\": \"Too many open streams\", \"status\": 429}"));
				}
				return response.header("Content-Type", "text/event-stream")
					.sendString(Mono
						.just("""
								:connected

								id:1764403200000:n3
								event:notification
								data:{"id":"n3","title":"Application awarded","body":"Drone routes: awarded","createdAt":"2026-11-29T10:00:00Z"}

								"""));
			})
			.post("/api/v1/enterprises",
					(request, response) -> request.receive().aggregate().asString().flatMap(body -> {
						CALLS
							.add("POST " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION)
									+ " key=" + request.requestHeaders().get("Idempotency-Key") + " " + body);
						if (!body.contains("\"creditCode\":\"91440101MA5CYUF219\"")) {
							return response.status(400)
								.header("Content-Type", "application/problem+json")
								.sendString(Mono.just("{\"type\":\"https://scenariohub.dev/problems/validation\","
										+ "\"title\":\"Invalid request\",\"status\":400,"
										+ "\"detail\":\"The request has 1 invalid field(s)\","
										+ "\"errors\":[{\"field\":\"creditCode\",\"message\":\"must be 18 characters\"}]}"))
								.then();
						}
						return response.status(201)
							.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"id\": \"e2\", \"status\": \"PENDING\"}"))
							.then();
					}))
			.post("/api/v1/notifications/read-all", (request, response) -> {
				CALLS.add("POST " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.status(204).send();
			}))
		.bindNow();

	/** Answers with {@code answer}, noting the call with its body. */
	static BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> recorded(String answer) {
		return (request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			CALLS.add(request.method() + " " + request.uri() + " "
					+ request.requestHeaders().get(HttpHeaders.AUTHORIZATION) + " " + body);
			return answer.isEmpty() ? response.status(204).send()
					: response.header("Content-Type", "application/json").sendString(Mono.just(answer)).then();
		});
	}

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("console.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.port());
	}

	@Autowired
	WebTestClient browser;

	@Autowired
	ReactiveClientRegistrationRepository registrations;

	@BeforeEach
	void forget() {
		CALLS.clear();
	}

	/** The registration form as a browser sends it. */
	static BodyInserters.FormInserter<String> registration(String creditCode, String idempotencyKey) {
		return BodyInserters.fromFormData("name", "Haizhu Drones")
			.with("creditCode", creditCode)
			.with("category", "STARTUP")
			.with("district", "Haizhu")
			.with("contactName", "Wu Lei")
			.with("contactEmail", "wu.lei@example.com")
			.with("idempotencyKey", idempotencyKey);
	}

	/**
	 * Signed in, holding an access token valid from {@code issued} to {@code expires}.
	 */
	WebTestClient signedInWith(String token, Instant issued, Instant expires) {
		ClientRegistration registration = this.registrations.findByRegistrationId(SignInConfiguration.REGISTRATION)
			.block();
		return this.browser
			.mutateWith(SecurityMockServerConfigurers.mockOAuth2Client(SignInConfiguration.REGISTRATION)
				.clientRegistration(registration)
				.principalName("demo-enterprise-1")
				.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, issued, expires)))
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.clientRegistration(registration)
				.idToken(id -> id.subject("demo-enterprise-1").claim("roles", List.of("enterprise"))));
	}

	/**
	 * A token shaped as the issuer's JWTs are (the stand-in does not check signatures).
	 */
	static String jwt(Instant expires) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(("{\"sub\":\"demo-enterprise-1\",\"exp\":" + expires.getEpochSecond() + "}")
					.getBytes(StandardCharsets.UTF_8))
				+ ".signature";
	}

	/**
	 * Signed in as demo-enterprise-1, whose access token (the mock's) is "access-token".
	 */
	WebTestClient signedIn() {
		return this.browser.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
			.clientRegistration(this.registrations.findByRegistrationId(SignInConfiguration.REGISTRATION).block())
			.idToken(token -> token.subject("demo-enterprise-1").claim("roles", List.of("enterprise"))));
	}

	/** A page as the signed-in enterprise user sees it in English (200 expected). */
	String page(String uri) {
		return signedIn().get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
