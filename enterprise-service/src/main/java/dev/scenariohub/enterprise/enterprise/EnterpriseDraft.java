package dev.scenariohub.enterprise.enterprise;

import java.util.List;

/** Enterprise fields as validated at the edge; in a change, null means "keep". */
public record EnterpriseDraft(String name, String creditCode, boolean creditCodeChecksumFails,
		EnterpriseCategory category, String district, List<String> capabilities, List<String> coreTechnologies,
		EnterpriseState.Contact contact) {
}
