package dev.scenariohub.platform.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.web.ApiException;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem documents (RFC 9457) every service answers, as reusable responses: one per
 * status, each naming the {@code type} values a client can meet there.
 */
final class ProblemResponses {

	static final String PROBLEM = "Problem";

	static final String FIELD_PROBLEM = "FieldProblem";

	/** Status → component name. */
	static final Map<String, String> NAMES = new LinkedHashMap<>();

	private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

	static {
		add("400", "BadRequest",
				"The request is invalid and changed nothing. `type` is one of "
						+ types("validation", "malformed-body", "bad-request", "invalid-limit", "malformed-cursor",
								"malformed-if-match", "malformed-idempotency-key")
						+ "; field-level messages are in `errors`.");
		add("401", "Unauthorized", "No valid bearer token was sent. `type` is " + types("unauthorized") + ".");
		add("403", "Forbidden", "The token's roles do not allow this operation, or the resource belongs to"
				+ " someone else. `type` is " + types("forbidden") + ".");
		add("404", "NotFound", "No such resource (or none the caller may see). `type` is " + types("not-found") + ".");
		add("409", "Conflict",
				"The request is well-formed but not allowed as things stand, and changed nothing." + " `type` is "
						+ types("concurrent-modification", "duplicate", "idempotency-key-in-progress")
						+ ", or the code of the rule it breaks (such as " + types("illegal-transition", "window-closed")
						+ "); `detail` says which and why.");
		add("412", "PreconditionFailed", "`If-Match` names a version that is no longer current: someone else"
				+ " changed the resource. Read it again and retry. `type` is " + types("stale-version") + ".");
		add("413", "ContentTooLarge",
				"The request body exceeds the size this endpoint accepts. `type` is " + types("body-too-large") + ".");
		add("415", "UnsupportedMediaType",
				"The request body is not `application/json`. `type` is " + types("unsupported-media-type") + ".");
		add("422", "UnprocessableContent", "The `Idempotency-Key` was already used for a different request. `type` is "
				+ types("idempotency-key-reused") + ".");
		add("428", "PreconditionRequired", "The update needs an `If-Match` header with the version read (its `ETag`)."
				+ " `type` is " + types("if-match-required") + ".");
		add("429", "TooManyRequests",
				"Too many requests (the gateway's rate limit) or too many open streams;"
						+ " retry after `Retry-After` seconds. `type` is "
						+ types("too-many-requests", "too-many-streams") + ".");
		add("503", "ServiceUnavailable",
				"The gateway sheds load or the service is unavailable; nothing was"
						+ " changed unless the request was acknowledged. Retry after `Retry-After` seconds. `type` is "
						+ types("overloaded", "service-unavailable") + ".");
	}

	private ProblemResponses() {
	}

	private static void add(String status, String name, String description) {
		NAMES.put(status, name);
		DESCRIPTIONS.put(status, description);
	}

	private static String types(String... slugs) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < slugs.length; i++) {
			if (i > 0) {
				out.append(i == slugs.length - 1 ? " or " : ", ");
			}
			out.append('`').append(ApiException.TYPE_BASE).append(slugs[i]).append('`');
		}
		return out.toString();
	}

	/** Adds the problem schemas and one response per status to the components. */
	static void register(Components components) {
		components.addSchemas(FIELD_PROBLEM,
				new ObjectSchema().description("One invalid field of the request")
					.addProperty("field", new StringSchema().description("The field's path, such as `support.funding`"))
					.addProperty("message", new StringSchema().description("What is wrong with it")));
		components.addSchemas(PROBLEM, new ObjectSchema()
			.description("An RFC 9457 problem document; `type` identifies the kind of problem and is stable")
			.addProperty("type", new StringSchema().format("uri").description("Stable identifier of the problem kind"))
			.addProperty("title", new StringSchema().description("Short summary of the problem kind"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong in this request, for people"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
						.description("Field-level messages of a validation problem"))
			.required(List.of("type", "title", "status", "detail")));
		NAMES.forEach((status, name) -> {
			ApiResponse response = new ApiResponse().description(DESCRIPTIONS.get(status))
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			if (status.equals("429") || status.equals("503")) {
				response.addHeaderObject("Retry-After",
						new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
			}
			components.addResponses(name, response);
		});
	}

	/** A reference to the shared response of a status. */
	static ApiResponse ref(String status) {
		return new ApiResponse().$ref("#/components/responses/" + NAMES.get(status));
	}

}
