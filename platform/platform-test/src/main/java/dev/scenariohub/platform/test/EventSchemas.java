package dev.scenariohub.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event payloads against their JSON Schemas under {@code contracts/events/}:
 * the schema of CloudEvents type {@code T} is {@code contracts/events/T.schema.json} on
 * the class path (the {@code contracts} module).
 */
public final class EventSchemas {

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

	private EventSchemas() {
	}

	/** The validation errors of a payload, empty when it is valid. */
	public static Set<ValidationMessage> validate(String type, byte[] payload) {
		try {
			return schemaOf(type).validate(JSON.readTree(payload));
		}
		catch (IOException ex) {
			throw new AssertionError("payload of " + type + " is not JSON: " + ex.getMessage(), ex);
		}
	}

	/** Fails with the schema's messages unless the payload validates. */
	public static void assertValid(String type, byte[] payload) {
		Set<ValidationMessage> errors = validate(type, payload);
		if (!errors.isEmpty()) {
			throw new AssertionError("payload of " + type + " violates its schema: " + errors + "\n"
					+ new String(payload, StandardCharsets.UTF_8));
		}
	}

	private static JsonSchema schemaOf(String type) {
		return SCHEMAS.computeIfAbsent(type, t -> {
			String path = "contracts/events/" + t + ".schema.json";
			try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					throw new AssertionError("no schema for event type " + t + " (expected " + path + ")");
				}
				return FACTORY.getSchema(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
