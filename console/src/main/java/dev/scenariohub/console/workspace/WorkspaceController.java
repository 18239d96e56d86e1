package dev.scenariohub.console.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.signin.SignInConfiguration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's workspace: what the platform has told them (the inbox, newest
 * first, with the unread ones marked). Every call carries their own access token, so the
 * API decides what they may see and do.
 */
@Controller
public class WorkspaceController {

	static final int INBOX_SIZE = 20;

	private final GatewayApi api;

	public WorkspaceController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/workspace")
	Mono<Rendering> workspace(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		String token = client.getAccessToken().getTokenValue();
		return this.api.get("/api/v1/notifications", Map.of("limit", Integer.toString(INBOX_SIZE)), locale, token)
			.map(inbox -> Rendering.view("workspace")
				.modelAttribute("inbox", inbox)
				.modelAttribute("unread", unread(inbox))
				.build());
	}

	/** Marks every notification read, then shows the workspace again. */
	@PostMapping("/workspace/notifications/read-all")
	Mono<Rendering> readAll(
			@RegisteredOAuth2AuthorizedClient(SignInConfiguration.REGISTRATION) OAuth2AuthorizedClient client,
			Locale locale) {
		return this.api.post("/api/v1/notifications/read-all", null, locale, client.getAccessToken().getTokenValue())
			.thenReturn(Rendering.redirectTo("/workspace").build());
	}

	private static long unread(Map<String, Object> inbox) {
		return inbox.get("items") instanceof List<?> items
				? items.stream().filter(item -> item instanceof Map<?, ?> n && n.get("readAt") == null).count() : 0;
	}

}
