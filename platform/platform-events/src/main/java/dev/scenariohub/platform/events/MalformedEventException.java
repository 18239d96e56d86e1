package dev.scenariohub.platform.events;

/**
 * A record that is not a valid CloudEvent of ours. Retrying cannot help: it goes straight
 * to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
