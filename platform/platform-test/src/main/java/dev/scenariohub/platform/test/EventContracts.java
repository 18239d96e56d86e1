package dev.scenariohub.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.yaml.snakeyaml.Yaml;

/**
 * The event contracts under {@code contracts/} cover what the code does: every event type
 * a service can emit (each {@code static final EventType} it declares) has a JSON Schema
 * and a message in the AsyncAPI document, and every schema there is used by a message.
 */
public final class EventContracts {

	private static final String ASYNCAPI = "contracts/asyncapi.yaml";

	private static final String EVENT_TYPE = "dev.scenariohub.platform.events.EventType";

	private EventContracts() {
	}

	/** Fails for every type declared under {@code basePackage} that is not documented. */
	public static void assertEveryEmittedTypeDocumented(String basePackage) {
		Set<String> documented = documentedTypes();
		List<String> missing = new ArrayList<>();
		Set<String> declared = declaredTypes(basePackage);
		if (declared.isEmpty()) {
			throw new AssertionError("no event types declared under " + basePackage + ": nothing was checked");
		}
		for (String type : declared) {
			if (EventContracts.class.getClassLoader().getResource(schemaPath(type)) == null) {
				missing.add(type + ": no schema " + schemaPath(type));
			}
			if (!documented.contains(type)) {
				missing.add(type + ": no message in " + ASYNCAPI);
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionError(
					"event types the code emits without a contract:\n  " + String.join("\n  ", missing));
		}
	}

	/**
	 * Fails for every schema no message uses, and every message whose schema is not its
	 * type's.
	 */
	public static void assertEverySchemaReferenced() {
		Set<String> schemas = new TreeSet<>();
		Path events = OpenApiContract.repositoryRoot().resolve("contracts/src/main/resources/contracts/events");
		try (Stream<Path> files = Files.list(events)) {
			files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".schema.json"))
				.forEach(name -> schemas.add(name.substring(0, name.length() - ".schema.json".length())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> broken = new ArrayList<>();
		Set<String> referenced = new TreeSet<>();
		messages().forEach((key, message) -> {
			String type = String.valueOf(message.get("name"));
			Object schema = ((Map<?, ?>) ((Map<?, ?>) message.get("payload")).get("schema")).get("$ref");
			if (!("./events/" + type + ".schema.json").equals(schema)) {
				broken.add("message " + key + " (" + type + ") uses schema " + schema);
			}
			referenced.add(type);
		});
		schemas.stream()
			.filter(schema -> !referenced.contains(schema))
			.forEach(schema -> broken.add("schema " + schema + " is used by no message of " + ASYNCAPI));
		if (!broken.isEmpty()) {
			throw new AssertionError(String.join("\n", broken));
		}
	}

	/**
	 * Fails unless the AsyncAPI document says what subscribers need to consume: each
	 * Kafka channel names its topic in a binding, each Kafka message says its key, and
	 * every operation is one we perform ({@code send}).
	 */
	@SuppressWarnings("unchecked")
	public static void assertKafkaBindingsAndOperations() {
		Map<String, Object> doc = asyncApi();
		Map<String, Object> components = (Map<String, Object>) doc.get("components");
		Map<String, Map<String, Object>> traits = (Map<String, Map<String, Object>>) components.get("messageTraits");
		List<String> broken = new ArrayList<>();
		((Map<String, Map<String, Object>>) doc.get("channels")).forEach((name, channel) -> {
			if (channel.get("address") == null) {
				return; // the webhook channel: a subscriber's own URL, no topic and no
						// key
			}
			if (!(at(channel, "bindings", "kafka") instanceof Map<?, ?> kafka)
					|| !channel.get("address").equals(kafka.get("topic"))) {
				broken.add("channel " + name + " has no Kafka binding naming its topic");
			}
			((Map<String, Map<String, Object>>) channel.get("messages")).keySet().forEach(key -> {
				List<Map<String, Object>> used = (List<Map<String, Object>>) messages().get(key).get("traits");
				boolean keyed = used != null && used.stream()
					.map(trait -> traits
						.get(String.valueOf(trait.get("$ref")).replace("#/components/messageTraits/", "")))
					.anyMatch(trait -> at(trait, "bindings", "kafka", "key") != null);
				if (!keyed) {
					broken.add("message " + key + " on " + name + " does not say its Kafka key");
				}
			});
		});
		((Map<String, Map<String, Object>>) doc.get("operations")).forEach((name, operation) -> {
			if (!"send".equals(operation.get("action"))) {
				broken.add("operation " + name + " is '" + operation.get("action") + "', but we publish what it names");
			}
		});
		if (!broken.isEmpty()) {
			throw new AssertionError(String.join("\n", broken));
		}
	}

	static Set<String> declaredTypes(String basePackage) {
		Set<String> types = new TreeSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage)) {
			for (var field : type.getFields()) {
				if (field.getRawType().getName().equals(EVENT_TYPE)
						&& field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
					types.add(valueOf(field.reflect()));
				}
			}
		}
		return types;
	}

	/** {@code EventType#toString()} is its CloudEvents type. */
	private static String valueOf(Field field) {
		try {
			if (!Modifier.isFinal(field.getModifiers())) {
				throw new AssertionError(field + " should be final");
			}
			field.setAccessible(true);
			return String.valueOf(field.get(null));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<String> documentedTypes() {
		Set<String> types = new TreeSet<>();
		messages().values().forEach(message -> types.add(String.valueOf(message.get("name"))));
		return types;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> messages() {
		return (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi().get("components")).get("messages");
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> node, String... path) {
		Object current = node;
		for (String key : path) {
			current = current instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
		}
		return current;
	}

	private static Map<String, Object> asyncApi() {
		try (InputStream in = resource(ASYNCAPI).openStream()) {
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String schemaPath(String type) {
		return "contracts/events/" + type + ".schema.json";
	}

	private static URL resource(String path) {
		URL url = EventContracts.class.getClassLoader().getResource(path);
		if (url == null) {
			throw new AssertionError(path + " is not on the class path (the contracts module)");
		}
		return url;
	}

}
