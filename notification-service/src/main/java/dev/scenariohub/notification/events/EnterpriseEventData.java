package dev.scenariohub.notification.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What notification-service reads of an enterprise event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnterpriseEventData(String name, String owner, List<String> members) {

	public EnterpriseEventData {
		members = members == null ? List.of() : List.copyOf(members);
	}
}
