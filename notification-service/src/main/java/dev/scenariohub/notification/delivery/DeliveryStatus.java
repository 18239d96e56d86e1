package dev.scenariohub.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {

	PENDING, DELIVERED, FAILED

}
