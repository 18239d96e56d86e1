package dev.scenariohub.notification.subscription;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/subscriptions}: at least one sector or capability. */
@Schema(name = "CreateSubscription")
public record CreateSubscriptionRequest(@Size(max = 20) List<@NotNull Sector> sectors,
		@Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}",
				message = "must be a lower-case tag such as computer-vision") String> capabilities) {

	/** A validation rule, not a field: neither documented nor read from JSON. */
	@AssertTrue(message = "name at least one sector or capability")
	@JsonIgnore
	@Schema(hidden = true)
	public boolean isSectorsOrCapabilities() {
		return (this.sectors != null && !this.sectors.isEmpty())
				|| (this.capabilities != null && !this.capabilities.isEmpty());
	}
}
