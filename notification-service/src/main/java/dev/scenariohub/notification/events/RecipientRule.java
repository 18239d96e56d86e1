package dev.scenariohub.notification.events;

import reactor.core.publisher.Flux;

/**
 * Who must know of one type of event, decided from its typed payload {@code P}.
 *
 * @param <P> the event's payload, parsed once by the consumer
 */
@FunctionalInterface
public interface RecipientRule<P> {

	/** The recipients' subjects (repeats and blanks are dropped later). */
	Flux<String> recipientsOf(String subject, P payload);

}
