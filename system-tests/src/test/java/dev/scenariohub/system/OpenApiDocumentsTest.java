package dev.scenariohub.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across the committed OpenAPI documents, an operationId names one operation: a client
 * that combines the services' documents (or a reader of the gateway's) never meets two
 * operations of the same name.
 */
class OpenApiDocumentsTest {

	@Test
	void operationIdsAreUniqueAcrossTheServices() throws IOException {
		Map<String, String> seen = new HashMap<>();
		List<Path> documents;
		try (Stream<Path> files = Files.list(Path.of("..", "contracts", "openapi"))) {
			documents = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(documents).hasSize(3);
		StringBuilder clashes = new StringBuilder();
		for (Path document : documents) {
			JsonNode doc = Stack.JSON.readTree(Files.readString(document));
			for (var path : doc.get("paths").properties()) {
				for (var operation : path.getValue().properties()) {
					String id = operation.getValue().path("operationId").asString();
					String where = document.getFileName() + " " + operation.getKey() + " " + path.getKey();
					String before = seen.putIfAbsent(id, where);
					if (before != null) {
						clashes.append(id).append(": ").append(before).append(" and ").append(where).append('\n');
					}
				}
			}
		}
		assertThat(seen).hasSizeGreaterThan(50);
		assertThat(clashes).as("operationIds used twice").isEmpty();
	}

}
