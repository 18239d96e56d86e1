package dev.scenariohub.scenario.readmodel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What scenario-service reads of {@code dev.scenariohub.enterprise.*.v1} payloads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnterprisePayload(String enterpriseId, String name, String creditCode, String owner,
		List<String> members) {
}
