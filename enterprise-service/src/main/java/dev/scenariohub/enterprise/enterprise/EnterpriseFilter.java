package dev.scenariohub.enterprise.enterprise;

/** The filters of {@code GET /api/v1/enterprises}; null means "any". */
public record EnterpriseFilter(EnterpriseStatus status, EnterpriseCategory category, String capability, String q) {
}
