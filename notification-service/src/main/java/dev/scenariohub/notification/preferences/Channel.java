package dev.scenariohub.notification.preferences;

/** Ways of telling someone. */
public enum Channel {

	INBOX, EMAIL, WEBHOOK

}
