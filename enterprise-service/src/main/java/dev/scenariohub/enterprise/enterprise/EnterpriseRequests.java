package dev.scenariohub.enterprise.enterprise;

import java.util.List;

import dev.scenariohub.platform.web.VisibleText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the enterprise endpoints. */
public final class EnterpriseRequests {

	static final String TAG = "[a-z0-9][a-z0-9-]{0,59}";

	static final String TAG_MESSAGE = "must be a lower-case tag such as computer-vision";

	private EnterpriseRequests() {
	}

	/** {@code POST /api/v1/enterprises}. */
	@Schema(name = "RegisterEnterprise", description = "An enterprise to register.")
	public record Register(@NotBlank @VisibleText @Size(max = 200) String name,
			@NotNull @Size(max = 40) String creditCode, Boolean creditCodeChecksumFails,
			@NotNull EnterpriseCategory category, @NotBlank @VisibleText @Size(max = 100) String district,
			@Size(max = 50) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> capabilities,
			@Size(max = 50) List<@NotBlank @VisibleText @Size(max = 200) String> coreTechnologies,
			@NotNull @Valid ContactRequest contact) {

		EnterpriseDraft toDraft() {
			return new EnterpriseDraft(this.name.strip(), this.creditCode,
					Boolean.TRUE.equals(this.creditCodeChecksumFails), this.category, this.district.strip(),
					this.capabilities, this.coreTechnologies, this.contact.toContact());
		}
	}

	/**
	 * {@code PATCH /api/v1/enterprises/{id}}: only the fields given change; the credit
	 * code never does.
	 */
	@Schema(name = "EnterpriseChanges", description = "Changes to an enterprise: the fields given, nothing else.")
	public record Patch(@VisibleText @Size(min = 1, max = 200) String name, EnterpriseCategory category,
			@VisibleText @Size(min = 1, max = 100) String district,
			@Size(max = 50) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> capabilities,
			@Size(max = 50) List<@NotBlank @VisibleText @Size(max = 200) String> coreTechnologies,
			@Valid ContactRequest contact) {

		EnterpriseDraft toChanges() {
			return new EnterpriseDraft(this.name, null, false, this.category, this.district, this.capabilities,
					this.coreTechnologies, this.contact == null ? null : this.contact.toContact());
		}
	}

	/** Contact details. */
	public record ContactRequest(@NotBlank @VisibleText @Size(max = 100) String name,
			@NotBlank @Email @Size(max = 200) String email,
			@Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "must be a phone number") String phone) {

		EnterpriseState.Contact toContact() {
			return new EnterpriseState.Contact(this.name, this.email, this.phone);
		}
	}

	/** A reason, for reject and credit-code override. */
	@Schema(name = "DecisionReason")
	public record Reason(@NotBlank @VisibleText(multiline = true) @Size(max = 2_000) String reason) {
	}

	/** {@code POST /api/v1/enterprises/{id}/members}. */
	@Schema(name = "NewMember")
	public record Member(
			@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "is not a valid subject") String sub) {
	}

}
