package dev.scenariohub.platform.web;

/**
 * The resource does not exist — or exists but is not the caller's to see, which is told
 * the same way so that nothing leaks. Plain Java, so aggregates and rule classes can
 * throw it; the shared handler answers 404 with problem type {@code not-found}.
 */
public class NotFound extends RuntimeException {

	/**
	 * @param what the kind of resource, capitalised as in a sentence's start ("Scenario")
	 */
	public NotFound(String what, String id) {
		super(what + " " + id + " does not exist");
	}

}
