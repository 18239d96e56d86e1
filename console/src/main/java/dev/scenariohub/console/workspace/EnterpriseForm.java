package dev.scenariohub.console.workspace;

import java.util.Map;
import java.util.UUID;

import dev.scenariohub.console.api.RequestBody;

/**
 * The enterprise registration form as the browser sends it, and the API's
 * {@code RegisterEnterprise} document made from it. Capabilities are typed as one line,
 * separated by commas or spaces. {@code creditCodeChecksumFails} is the box ticked when a
 * code is right although its check character does not match. {@code idempotencyKey} is
 * made when the form is shown, so that sending it twice registers one enterprise.
 */
public record EnterpriseForm(String name, String creditCode, String creditCodeChecksumFails, String category,
		String district, String capabilities, String contactName, String contactEmail, String contactPhone,
		String idempotencyKey) {

	/** An empty form with a key of its own. */
	static EnterpriseForm empty() {
		return new EnterpriseForm("", "", "", "", "", "", "", "", "", UUID.randomUUID().toString());
	}

	/** The request body; fields left empty are sent as absent, for the API to judge. */
	Map<String, Object> toRequest() {
		return RequestBody.of()
			.text("name", this.name)
			.text("creditCode", this.creditCode)
			.put("creditCodeChecksumFails", "true".equals(this.creditCodeChecksumFails))
			.text("category", this.category)
			.text("district", this.district)
			.put("capabilities", RequestBody.words(this.capabilities))
			.put("contact",
					RequestBody.of()
						.text("name", this.contactName)
						.text("email", this.contactEmail)
						.text("phone", this.contactPhone)
						.toMap())
			.toMap();
	}

}
