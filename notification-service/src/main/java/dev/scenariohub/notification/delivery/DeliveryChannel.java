package dev.scenariohub.notification.delivery;

/** The channels that deliver through the dispatcher. */
public enum DeliveryChannel {

	WEBHOOK, EMAIL

}
