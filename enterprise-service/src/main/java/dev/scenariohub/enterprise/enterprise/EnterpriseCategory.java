package dev.scenariohub.enterprise.enterprise;

/** Enterprise categories. */
public enum EnterpriseCategory {

	LEADING, SPECIALIZED_INNOVATIVE, LITTLE_GIANT, STARTUP, RESEARCH_INSTITUTE

}
