package dev.scenariohub.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What notification-service reads of an application event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationEventData(String scenarioId, String enterpriseId, String status) {
}
