package dev.scenariohub.platform.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * What a client generator and a reader need from an OpenAPI document, checked over every
 * operation: meaningful unique operation ids, a summary and a described tag, the gateway
 * as the server, the security each operation needs, every success status with its
 * headers, and every problem response the runtime can give, typed as problem+json.
 */
public final class OpenApiRules {

	/** Where clients reach the API when nothing else is configured: the gateway. */
	public static final String GATEWAY = "http://localhost:8080";

	private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

	private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	/**
	 * Names a generated client cannot use for a class of its own without clashing with
	 * the language (java.lang, which every Java file imports, and TypeScript's globals).
	 */
	private static final Set<String> TAKEN_NAMES = Set.of("Override", "Deprecated", "Object", "String", "Integer",
			"Long", "Boolean", "Number", "Class", "Record", "Enum", "Error", "Exception", "Void", "Module", "Package",
			"Thread", "System", "Math", "Date", "Map", "Set", "Array", "Function", "Promise", "Symbol", "Response",
			"Request");

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	private OpenApiRules() {
	}

	/** Fails with every rule the document breaks. */
	public static void assertClientReady(JsonNode doc) {
		List<String> broken = check(doc);
		if (!broken.isEmpty()) {
			throw new AssertionError(
					broken.size() + " problem(s) in the OpenAPI document:\n  " + String.join("\n  ", broken));
		}
	}

	static List<String> check(JsonNode doc) {
		List<String> broken = new ArrayList<>();
		if (!doc.path("openapi").asText().startsWith("3.1")) {
			broken.add("not OpenAPI 3.1: " + doc.path("openapi").asText());
		}
		JsonNode servers = doc.path("servers");
		if (servers.size() != 1 || !GATEWAY.equals(servers.path(0).path("url").asText())) {
			broken.add("servers must be the gateway (" + GATEWAY + "), not " + servers);
		}
		JsonNode schemes = doc.path("components").path("securitySchemes");
		if (!"bearer".equals(schemes.path("bearer").path("scheme").asText())
				|| !"openIdConnect".equals(schemes.path("oidc").path("type").asText())) {
			broken.add("security schemes 'bearer' (JWT) and 'oidc' are not both declared: " + schemes);
		}
		JsonNode problem = doc.path("components").path("schemas").path("Problem").path("properties");
		for (String member : List.of("type", "title", "status", "detail", "instance")) {
			if (problem.path(member).isMissingNode()) {
				broken.add("the Problem schema has no '" + member + "'");
			}
		}
		Set<String> declaredTags = new HashSet<>();
		doc.path("tags").forEach(tag -> {
			declaredTags.add(tag.path("name").asText());
			if (tag.path("description").asText().isBlank()) {
				broken.add("tag " + tag.path("name").asText() + " has no description");
			}
		});
		Set<String> ids = new HashSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
				Map.Entry<String, JsonNode> op = ops.next();
				if (METHODS.contains(op.getKey())) {
					checkOperation(doc, op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getValue(),
							ids, declaredTags, broken);
				}
			}
		}
		doc.path("components")
			.path("schemas")
			.fields()
			.forEachRemaining(schema -> checkSchema(schema.getKey(), schema.getValue(), broken));
		return broken;
	}

	private static void checkOperation(JsonNode doc, String name, String path, JsonNode op, Set<String> ids,
			Set<String> declaredTags, List<String> broken) {
		String id = op.path("operationId").asText();
		if (!OPERATION_ID.matcher(id).matches()) {
			broken.add(name + ": operationId '" + id + "' is not a plain camelCase name");
		}
		if (!ids.add(id)) {
			broken.add(name + ": operationId '" + id + "' is used twice");
		}
		if (op.path("summary").asText().isBlank()) {
			broken.add(name + ": no summary");
		}
		if (op.path("tags").isEmpty()) {
			broken.add(name + ": no tag");
		}
		op.path("tags").forEach(tag -> {
			if (!declaredTags.contains(tag.asText())) {
				broken.add(name + ": tag '" + tag.asText() + "' is not declared with a description");
			}
		});
		JsonNode responses = op.path("responses");
		Set<String> needed = new HashSet<>();
		needed.add("429");
		if (!op.has("security")) {
			broken.add(name + ": says nothing about security (public operations say security: [])");
		}
		else if (!op.path("security").isEmpty()) {
			needed.add("401");
			needed.add("403");
		}
		if (op.has("requestBody")) {
			needed.addAll(List.of("400", "413", "415"));
			JsonNode json = op.path("requestBody").path("content").path("application/json");
			if (json.isMissingNode()) {
				broken.add(name + ": request body is not application/json");
			}
			else if (json.path("example").isMissingNode()) {
				broken.add(name + ": request body has no example");
			}
			else {
				validate(doc, json.path("schema"), json.path("example"))
					.forEach(error -> broken.add(name + ": the request body's example breaks its schema: " + error));
			}
		}
		if (path.contains("{")) {
			needed.add("404");
		}
		for (JsonNode parameter : op.path("parameters")) {
			if ("If-Match".equals(parameter.path("name").asText())) {
				needed.add("412");
				if (parameter.path("required").asBoolean()) {
					needed.add("428");
				}
			}
			if ("query".equals(parameter.path("in").asText())) {
				needed.add("400");
			}
		}
		for (String status : needed) {
			if (!responses.has(status)) {
				broken.add(name + ": no " + status + " response documented");
			}
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> response = it.next();
			JsonNode resolved = resolve(doc, response.getValue());
			String status = response.getKey();
			if (resolved.path("description").asText().isBlank()) {
				broken.add(name + " " + status + ": no description");
			}
			resolved.path("content").fieldNames().forEachRemaining(type -> {
				if (type.contains("*")) {
					broken.add(name + " " + status + ": content type " + type);
				}
				if (status.startsWith("4") || status.startsWith("5")) {
					if (!"application/problem+json".equals(type)) {
						broken.add(name + " " + status + ": problems are application/problem+json, not " + type);
					}
				}
			});
			if (status.equals("201") && !path.contains("{")
					&& resolved.path("headers").path("Location").isMissingNode()) {
				broken.add(name + " 201: no Location header");
			}
			if (status.startsWith("2") && versioned(doc, resolved)
					&& resolved.path("headers").path("ETag").isMissingNode()) {
				broken.add(name + " " + status + ": returns a versioned resource without documenting its ETag");
			}
		}
		if (responses.fieldNames().hasNext() && !hasSuccess(responses)) {
			broken.add(name + ": no success response");
		}
	}

	/**
	 * Whether the answer is a resource with a {@code version}, which the API sends as
	 * ETag.
	 */
	private static boolean versioned(JsonNode doc, JsonNode response) {
		for (JsonNode media : response.path("content")) {
			if (resolve(doc, media.path("schema")).path("properties").has("version")) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasSuccess(JsonNode responses) {
		for (Iterator<String> it = responses.fieldNames(); it.hasNext();) {
			if (it.next().startsWith("2")) {
				return true;
			}
		}
		return false;
	}

	private static void checkSchema(String name, JsonNode schema, List<String> broken) {
		if (TAKEN_NAMES.contains(name)) {
			broken.add("schema " + name + ": a generated client cannot name a class " + name);
		}
		schema.path("properties").fields().forEachRemaining(property -> {
			String pattern = property.getValue().path("pattern").asText(null);
			if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
				broken.add("schema " + name + "." + property.getKey() + ": pattern " + pattern + " is not anchored");
			}
		});
	}

	private static List<String> validate(JsonNode doc, JsonNode schema, JsonNode example) {
		ObjectNode root = schema.deepCopy();
		root.set("components", doc.path("components"));
		return SCHEMAS.getSchema(root).validate(example).stream().map(ValidationMessage::getMessage).toList();
	}

	private static JsonNode resolve(JsonNode doc, JsonNode node) {
		String ref = node.path("$ref").asText(null);
		if (ref == null || !ref.startsWith("#/")) {
			return node;
		}
		JsonNode target = doc;
		for (String part : ref.substring(2).split("/")) {
			target = target.path(part);
		}
		return target;
	}

}
