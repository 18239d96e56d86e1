package dev.scenariohub.console.workspace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The signed-in person's notifications as they arrive, for the workspace page to add to
 * its inbox (Server-Sent Events, same origin): the API's stream, called with their token
 * on the server, so the token never reaches the browser. Each notification keeps the
 * API's event id, so the browser's reconnect resumes where it was. When the API refuses
 * the stream (too many open, signed out), one {@code problem} event says so and the
 * stream ends.
 */
@RestController
public class LiveInbox {

	private final GatewayApi api;

	public LiveInbox(GatewayApi api) {
		this.api = api;
	}

	@GetMapping(path = "/workspace/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Map<String, Object>>> stream(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Locale locale) {
		return this.api
			.stream("/api/v1/notifications/stream", locale, SignInConfiguration.accessToken(client), lastEventId)
			.onErrorResume(ApiProblem.class, refused -> Flux.just(problem(refused)));
	}

	private static ServerSentEvent<Map<String, Object>> problem(ApiProblem refused) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("status", refused.status());
		problem.put("title", refused.title());
		problem.put("detail", refused.detail());
		return ServerSentEvent.<Map<String, Object>>builder(problem).event("problem").build();
	}

}
