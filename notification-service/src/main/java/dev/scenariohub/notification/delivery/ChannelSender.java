package dev.scenariohub.notification.delivery;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Sends one delivery over its channel; completes when the receiver accepted it. */
public interface ChannelSender {

	DeliveryChannel channel();

	/** How many sends of this channel may be in flight at once. */
	int concurrency();

	/**
	 * One attempt. Fails with {@link TryLater} when the attempt was not made (it does not
	 * count against the delivery's attempts), with any other error when it failed.
	 * @param trace the W3C trace headers of the attempt, for channels that carry headers
	 * to the receiver
	 */
	Mono<Void> send(Delivery delivery, Map<String, String> trace);

	/**
	 * The attempt was not made (e.g. the receiver's circuit is open): try again later.
	 */
	final class TryLater extends RuntimeException {

		public TryLater(String reason) {
			super(reason, null, false, false);
		}

	}

}
