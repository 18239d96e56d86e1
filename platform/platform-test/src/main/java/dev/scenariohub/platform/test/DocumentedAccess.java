package dev.scenariohub.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The access rules a service documents are the ones it enforces: every operation of its
 * OpenAPI document is called anonymously and with each role, and the answers must match
 * the operation's security requirement (public: nobody is refused; bearer with roles:
 * anonymous gets 401, other roles 403; bearer without roles: any signed-in caller). The
 * calls carry an empty body and unknown ids, so they change nothing; none may answer 5xx.
 */
public final class DocumentedAccess {

	private static final List<String> ROLES = List.of("officer", "reviewer", "enterprise", "admin");

	/** The detail of the security layer's own 403, as opposed to a service's. */
	private static final String ROLE_REFUSAL = "Your roles do not allow this request";

	private static final String UNKNOWN_ID = "000000000000000000000000";

	private DocumentedAccess() {
	}

	/** Fails with every operation whose enforced access differs from the documented. */
	public static void assertEnforced(WebTestClient anonymous, JsonNode doc) {
		List<String> broken = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
				Map.Entry<String, JsonNode> op = ops.next();
				HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
				check(anonymous, method, path.getKey(), op.getValue(), broken);
			}
		}
		if (!broken.isEmpty()) {
			throw new AssertionError(broken.size() + " operation(s) enforce other access than documented:\n  "
					+ String.join("\n  ", broken));
		}
	}

	private static void check(WebTestClient anonymous, HttpMethod method, String path, JsonNode op,
			List<String> broken) {
		String name = method + " " + path;
		JsonNode security = op.path("security");
		boolean open = security.isEmpty();
		Set<String> allowed = new HashSet<>();
		security.forEach(requirement -> requirement.path("bearer").forEach(role -> allowed.add(role.asText())));
		boolean anyRole = !open && allowed.isEmpty();
		String uri = path.replaceAll("\\{[^}]+}", UNKNOWN_ID);
		boolean body = op.has("requestBody");
		boolean stream = op.path("responses").path("200").path("content").has("text/event-stream");

		Answer none = call(anonymous, method, uri, body, stream);
		if (open ? none.refused() : none.status() != 401) {
			broken.add(name + " anonymous: " + none
					+ (open ? " (documented public)" : " (documented as needing a token)"));
		}
		for (String role : ROLES) {
			WebTestClient caller = ApiClients.as(anonymous, "access-check-" + role, role);
			Answer answer = call(caller, method, uri, body, stream);
			boolean documented = open || anyRole || allowed.contains(role);
			if (documented ? answer.refused() : !answer.refusedForRole()) {
				broken.add(name + " as " + role + ": " + answer + (documented ? " (documented as allowed)"
						: " (documented as refused: needs " + allowed + ")"));
			}
			if (answer.status() >= 500) {
				broken.add(name + " as " + role + ": " + answer + " (an empty body and an unknown id must not fail)");
			}
		}
	}

	private static Answer call(WebTestClient client, HttpMethod method, String uri, boolean body, boolean stream) {
		WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
		if (body) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		if (stream) {
			var result = request.accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);
			int status = result.getStatus().value();
			String detail = status >= 400 ? result.getResponseBody().blockFirst(java.time.Duration.ofSeconds(5)) : "";
			return new Answer(status, detail == null ? "" : detail);
		}
		EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
		byte[] content = result.getResponseBody();
		return new Answer(result.getStatus().value(),
				content == null ? "" : new String(content, StandardCharsets.UTF_8));
	}

	private record Answer(int status, String body) {

		boolean refused() {
			return this.status == 401 || refusedForRole();
		}

		boolean refusedForRole() {
			return this.status == 403 && this.body.contains(ROLE_REFUSAL);
		}

		@Override
		public String toString() {
			return this.status + " " + (this.body.length() > 160 ? this.body.substring(0, 160) + "…" : this.body);
		}

	}

}
