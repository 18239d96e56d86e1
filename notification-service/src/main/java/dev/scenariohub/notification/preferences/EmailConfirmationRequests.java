package dev.scenariohub.notification.preferences;

import reactor.core.publisher.Mono;

/**
 * Sends the signed link that confirms an e-mail address; implemented where mail is sent.
 */
public interface EmailConfirmationRequests {

	/**
	 * Sends a confirmation link to the (set, unconfirmed) address of these preferences —
	 * at most one per recipient and address in a while, so repeated requests cannot be
	 * used to flood an address.
	 * @return whether a link was sent now (false: one went out a short while ago)
	 */
	Mono<Boolean> request(Preferences preferences);

}
