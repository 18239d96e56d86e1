package dev.scenariohub.platform.web.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes every operation the way every service behaves: operations without a security
 * requirement are public ({@code security: []}); secured ones can answer 401 and 403;
 * anything with a body, query or path parameter can answer 400, 404, 413 or 415;
 * {@code If-Match} brings 412 (and 428 when required); {@code Idempotency-Key} brings 409
 * and 422; every call through the gateway can meet 429 and 503. A 201 of a top-level
 * collection carries {@code Location}; answers with a versioned resource carry its
 * {@code ETag}. Request bodies get the service's example of their schema.
 */
final class OperationConventions implements OpenApiCustomizer {

	static final String BEARER = "bearer";

	private final Map<String, Object> examples;

	OperationConventions(Map<String, Object> examples) {
		this.examples = examples;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			openApi.getComponents().getSchemas().values().forEach(OperationConventions::anchorPatterns);
		}
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
			complete(openApi, path, method, op);
		}));
		dropUnusedResponses(openApi);
	}

	/** The shared problem responses no operation of this service can give. */
	private static void dropUnusedResponses(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getResponses() == null) {
			return;
		}
		Set<String> used = new HashSet<>();
		openApi.getPaths()
			.values()
			.forEach(item -> item.readOperations()
				.forEach(op -> op.getResponses().values().forEach(response -> used.add(response.get$ref()))));
		openApi.getComponents()
			.getResponses()
			.keySet()
			.removeIf(name -> !used.contains("#/components/responses/" + name));
	}

	/** Who may call the operation, in words, from its security requirement. */
	private static String access(Operation op) {
		if (op.getSecurity().isEmpty()) {
			return "Public: no token needed.";
		}
		List<String> roles = op.getSecurity()
			.stream()
			.flatMap(requirement -> requirement.getOrDefault(BEARER, List.of()).stream())
			.toList();
		if (roles.isEmpty()) {
			return "Needs a bearer token; any role.";
		}
		return "Needs a bearer token with the role " + String.join(" or ", roles) + ".";
	}

	private void complete(OpenAPI openApi, String path, PathItem.HttpMethod method, Operation op) {
		if (op.getSecurity() == null) {
			op.setSecurity(new ArrayList<>());
		}
		if (op.getDescription() == null || op.getDescription().isBlank()) {
			op.setDescription(op.getSummary() == null ? access(op) : op.getSummary() + ". " + access(op));
		}
		ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
		op.setResponses(responses);
		if (!op.getSecurity().isEmpty()) {
			problems(responses, "401", "403");
		}
		if (op.getRequestBody() != null) {
			problems(responses, "400", "413", "415");
			MediaType json = op.getRequestBody().getContent() == null ? null
					: op.getRequestBody().getContent().get("application/json");
			if (json != null && json.getSchema() != null && json.getExample() == null) {
				Object example = this.examples.get(schemaName(json.getSchema()));
				if (example != null) {
					json.setExample(example);
				}
			}
		}
		if (path.contains("{")) {
			problems(responses, "404");
		}
		if (op.getParameters() != null) {
			for (Parameter parameter : op.getParameters()) {
				if ("query".equals(parameter.getIn())) {
					problems(responses, "400");
				}
				if ("If-Match".equalsIgnoreCase(parameter.getName())) {
					problems(responses, "412");
					if (Boolean.TRUE.equals(parameter.getRequired())) {
						problems(responses, "428");
					}
				}
				if ("Idempotency-Key".equalsIgnoreCase(parameter.getName())) {
					problems(responses, "409", "422");
				}
			}
		}
		if (method != PathItem.HttpMethod.GET && path.contains("{")) {
			problems(responses, "409");
		}
		problems(responses, "429", "503");
		responses.forEach((status, response) -> headers(openApi, path, status, response));
	}

	private static void headers(OpenAPI openApi, String path, String status, ApiResponse response) {
		if (!status.startsWith("2") || response.get$ref() != null) {
			return;
		}
		// a resource created in a collection of its own has an address; one created
		// inside another resource (an objection, a milestone) is read through that one
		if (status.equals("201") && !path.contains("{")) {
			response.addHeaderObject("Location", new Header().description("Where the created resource is read")
				.schema(new StringSchema().format("uri-reference")));
		}
		if (response.getContent() != null) {
			response.getContent().values().forEach(media -> {
				Schema<?> schema = media.getSchema() == null ? null
						: openApi.getComponents().getSchemas().get(schemaName(media.getSchema()));
				if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version")) {
					response.addHeaderObject("ETag",
							new Header()
								.description("The resource's version, quoted; send it back as `If-Match` to update it")
								.schema(new StringSchema()));
				}
			});
		}
	}

	/**
	 * Bean Validation's {@code @Pattern} matches the whole value, JSON Schema's
	 * {@code pattern} matches anywhere in it: the document says what the server checks.
	 */
	private static void anchorPatterns(Schema<?> schema) {
		if (schema == null) {
			return;
		}
		String pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern("^(?:" + pattern + ")$");
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(OperationConventions::anchorPatterns);
		}
		anchorPatterns(schema.getItems());
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			anchorPatterns(values);
		}
	}

	private static void problems(ApiResponses responses, String... statuses) {
		for (String status : statuses) {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, ProblemResponses.ref(status));
			}
		}
	}

	private static String schemaName(Schema<?> schema) {
		String ref = schema.get$ref();
		return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
	}

}
