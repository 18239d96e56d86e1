package dev.scenariohub.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The committed OpenAPI document of a service ({@code contracts/openapi/<service>.json})
 * is the promise to clients: a running service must publish exactly that document, so
 * every API change shows up in review as a diff of the committed file. Run the tests with
 * {@code -Dscenariohub.contracts.update=true} to write the running service's document
 * over the committed one, then read the diff.
 */
public final class OpenApiContract {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private OpenApiContract() {
	}

	/** The running service's document, for JSON-path assertions. */
	public static WebTestClient.BodyContentSpec publishedBody(WebTestClient web) {
		return web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
	}

	/** The running service's document, with object keys in a stable order. */
	public static JsonNode published(WebTestClient web) {
		byte[] body = publishedBody(web).returnResult().getResponseBody();
		try {
			return sorted(JSON.readTree(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fails unless the running service publishes the committed document (or writes it
	 * when asked to update).
	 */
	public static void assertPublishedMatchesCommitted(WebTestClient web, String service) {
		Path committed = committedDocument(service);
		String running = text(published(web));
		if (Boolean.getBoolean("scenariohub.contracts.update")) {
			write(committed, running);
			return;
		}
		if (!Files.exists(committed)) {
			throw new AssertionError("no committed OpenAPI document " + committed
					+ "; run the tests with -Dscenariohub.contracts.update=true to write it, then review it");
		}
		String expected = read(committed);
		if (!expected.equals(running)) {
			throw new AssertionError(service + " publishes an OpenAPI document that differs from " + committed
					+ " (first difference below). If the change is intended, run the tests with"
					+ " -Dscenariohub.contracts.update=true and commit the new document.\n"
					+ firstDifference(expected, running));
		}
	}

	/** {@code contracts/openapi/<service>.json} of the repository the tests run in. */
	public static Path committedDocument(String service) {
		return repositoryRoot().resolve("contracts/openapi/" + service + ".json");
	}

	/** The root of the repository the tests run in (the directory holding contracts/). */
	public static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("contracts/pom.xml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException(
					"not inside the repository: no contracts/pom.xml above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	static String text(JsonNode document) {
		try {
			return JSON.writeValueAsString(document) + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Map<String, JsonNode> fields = new TreeMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields.put(field.getKey(), sorted(field.getValue()));
			}
			ObjectNode copy = JSON.createObjectNode();
			fields.forEach(copy::set);
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = JSON.createArrayNode();
			array.forEach(element -> copy.add(sorted(element)));
			return copy;
		}
		return node;
	}

	private static String firstDifference(String expected, String actual) {
		List<String> a = expected.lines().toList();
		List<String> b = actual.lines().toList();
		int line = 0;
		while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
			line++;
		}
		List<String> out = new ArrayList<>();
		out.add("at line " + (line + 1) + ":");
		for (int i = Math.max(0, line - 3); i < Math.min(a.size(), line + 4); i++) {
			out.add((i == line ? "- " : "  ") + a.get(i));
		}
		for (int i = line; i < Math.min(b.size(), line + 4); i++) {
			out.add("+ " + b.get(i));
		}
		return String.join("\n", out);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
