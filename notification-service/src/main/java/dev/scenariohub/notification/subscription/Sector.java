package dev.scenariohub.notification.subscription;

/** Sectors one can subscribe to (the scenario taxonomy). */
public enum Sector {

	FASHION_DESIGN, LOW_ALTITUDE_ECONOMY, INTELLIGENT_CONNECTED_VEHICLES, HEALTHCARE, BRAIN_COMPUTER_INTERFACE,
	SMART_MANUFACTURING, PUBLIC_SERVICES, OTHER

}
