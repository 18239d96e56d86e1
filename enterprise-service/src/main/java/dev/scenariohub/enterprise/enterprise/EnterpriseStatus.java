package dev.scenariohub.enterprise.enterprise;

/** Verification status of an enterprise. */
public enum EnterpriseStatus {

	PENDING, VERIFIED, REJECTED

}
