package dev.scenariohub.scenario.scenario;

/** Enterprise categories a scenario may be restricted to. */
public enum EnterpriseCategory {

	LEADING, SPECIALIZED_INNOVATIVE, LITTLE_GIANT, STARTUP, RESEARCH_INSTITUTE

}
