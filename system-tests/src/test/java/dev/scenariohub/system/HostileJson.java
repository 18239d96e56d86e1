package dev.scenariohub.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile request bodies for property-based fuzzing: valid bodies with fields replaced by
 * hostile values (wrong types, huge and odd strings, deep nesting, operator-looking
 * keys), random JSON and text that is not JSON.
 */
final class HostileJson {

	private HostileJson() {
	}

	/**
	 * A body of the given fields and values, in that order (the order the fuzzing picks
	 * fields in), that the fuzzing may change.
	 */
	static Map<String, Object> body(Object... fieldsAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return body;
	}

	/**
	 * A valid body with some fields replaced, removed or added, random JSON, or text that
	 * is not JSON.
	 */
	static Arbitrary<String> bodies(java.util.function.Supplier<Map<String, Object>> valid) {
		Arbitrary<String> mutated = Combinators
			.combine(Arbitraries.integers().between(1, 3), hostileValue(4).list().ofSize(3),
					Arbitraries.of("replace", "remove", "add").list().ofSize(3), hostileKey().list().ofSize(3),
					Arbitraries.randoms())
			.as((changes, values, kinds, keys, random) -> {
				Map<String, Object> body = valid.get();
				List<String> fields = new ArrayList<>(body.keySet());
				for (int i = 0; i < changes; i++) {
					String field = fields.get(random.nextInt(fields.size()));
					switch (kinds.get(i)) {
						case "replace" -> body.put(field, values.get(i));
						case "remove" -> body.remove(field);
						default -> body.put(keys.get(i), values.get(i));
					}
				}
				return Stack.JSON.writeValueAsString(body);
			});
		Arbitrary<String> randomJson = hostileValue(6).map(Stack.JSON::writeValueAsString);
		Arbitrary<String> notJson = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.of("{", "{\"name\":", "[1,2", "{\"a\":1}}", "\u0000", "{'single':'quotes'}",
						"{\"name\": NaN}", "{\"x\":" + "[".repeat(5000)));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, mutated), net.jqwik.api.Tuple.of(2, randomJson),
				net.jqwik.api.Tuple.of(2, notJson));
	}

	private static Arbitrary<String> hostileKey() {
		return Arbitraries.oneOf(Arbitraries.of("$gt", "$where", "$ne", "a.b", "", " ", "_id", "version", "outbox",
				"__proto__", "constructor", "\u202Ename", "name\u0000"), Arbitraries.strings().all().ofMaxLength(30));
	}

	private static Arbitrary<Object> hostileValue(int depth) {
		Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(100).map(s -> s),
				Arbitraries
					.of("", " ", "x".repeat(100_000), "\uD83D\uDE00".repeat(1000), "\uD800", "\u202E", "null", "true",
							"1e999", "-0", "NaN", "2026-02-30T25:61:00Z", "<script>alert(1)</script>",
							"'; db.dropDatabase(); //", "../../etc/passwd")
					.map(s -> s),
				Arbitraries.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e-308, 0.5).map(n -> n),
				Arbitraries.of(true, false).map(b -> b), Arbitraries.just(null),
				Arbitraries.of(Map.of("$gt", ""), Map.of("$where", "sleep(1000)"), Map.of("$ne", 1)).map(m -> m),
				Arbitraries.just(nested(200)));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Object> inner = hostileValue(depth - 1);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, leaf),
				net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(l -> l)),
				net.jqwik.api.Tuple.of(1, Combinators.combine(hostileKey(), inner).as((k, v) -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put(k, v);
					return (Object) m;
				})));
	}

	/** Arrays in arrays, {@code depth} deep. */
	private static Object nested(int depth) {
		Object value = List.of();
		for (int i = 0; i < depth; i++) {
			value = List.of(value);
		}
		return value;
	}

}
