package dev.scenariohub.console.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body made from what a person typed into a form: text trimmed and left
 * out when empty, so the API judges what is missing; numbers and amounts in yuan read as
 * such, or sent as typed when they cannot be read, so that the API's refusal names the
 * field.
 */
public final class RequestBody {

	private final Map<String, Object> fields = new LinkedHashMap<>();

	public static RequestBody of() {
		return new RequestBody();
	}

	/** Whether something was typed. */
	public static boolean present(String typed) {
		return typed != null && !typed.isBlank();
	}

	public RequestBody text(String field, String typed) {
		if (present(typed)) {
			this.fields.put(field, typed.trim());
		}
		return this;
	}

	public RequestBody number(String field, String typed) {
		if (present(typed)) {
			try {
				this.fields.put(field, Long.parseLong(typed.trim()));
			}
			catch (NumberFormatException notANumber) {
				this.fields.put(field, typed.trim());
			}
		}
		return this;
	}

	/** An amount typed in yuan ({@code 1,000.50}), as the API's money in CNY. */
	public RequestBody yuan(String field, String typed) {
		if (present(typed)) {
			Map<String, Object> money = new LinkedHashMap<>();
			money.put("amount", typed.trim().replace(",", "").replace("，", ""));
			money.put("currency", "CNY");
			this.fields.put(field, money);
		}
		return this;
	}

	public RequestBody put(String field, Object value) {
		this.fields.put(field, value);
		return this;
	}

	/** Tags typed on one line, separated by commas or spaces. */
	public static List<String> words(String line) {
		return line == null ? List.of()
				: Arrays.stream(line.split("[,，\\s]+")).filter(word -> !word.isBlank()).toList();
	}

	public Map<String, Object> toMap() {
		return this.fields;
	}

}
