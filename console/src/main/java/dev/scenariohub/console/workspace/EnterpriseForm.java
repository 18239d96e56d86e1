package dev.scenariohub.console.workspace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The enterprise registration form as the browser sends it, and the API's
 * {@code RegisterEnterprise} document made from it. Capabilities are typed as one line,
 * separated by commas or spaces. {@code idempotencyKey} is made when the form is shown,
 * so that sending it twice registers one enterprise.
 */
public record EnterpriseForm(String name, String creditCode, String category, String district, String capabilities,
		String contactName, String contactEmail, String contactPhone, String idempotencyKey) {

	/** An empty form with a key of its own. */
	static EnterpriseForm empty() {
		return new EnterpriseForm("", "", "", "", "", "", "", "", UUID.randomUUID().toString());
	}

	/** The request body; fields left empty are sent as absent, for the API to judge. */
	Map<String, Object> toRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		put(body, "name", this.name);
		put(body, "creditCode", this.creditCode);
		put(body, "category", this.category);
		put(body, "district", this.district);
		body.put("capabilities", words(this.capabilities));
		Map<String, Object> contact = new LinkedHashMap<>();
		put(contact, "name", this.contactName);
		put(contact, "email", this.contactEmail);
		put(contact, "phone", this.contactPhone);
		body.put("contact", contact);
		return body;
	}

	private static void put(Map<String, Object> body, String field, String value) {
		if (value != null && !value.isBlank()) {
			body.put(field, value.trim());
		}
	}

	private static List<String> words(String line) {
		return line == null ? List.of()
				: Arrays.stream(line.split("[,，\\s]+")).filter(word -> !word.isBlank()).toList();
	}

}
