package dev.scenariohub.notification.preferences;

/** Families of events one can turn channels on or off for. */
public enum EventFamily {

	SCENARIO, APPLICATION, REVIEW, OBJECTION, MILESTONE, ENTERPRISE

}
