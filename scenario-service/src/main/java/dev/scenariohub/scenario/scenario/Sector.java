package dev.scenariohub.scenario.scenario;

/** The sector taxonomy of application scenarios. */
public enum Sector {

	FASHION_DESIGN, LOW_ALTITUDE_ECONOMY, INTELLIGENT_CONNECTED_VEHICLES, HEALTHCARE, BRAIN_COMPUTER_INTERFACE,
	SMART_MANUFACTURING, PUBLIC_SERVICES, OTHER

}
