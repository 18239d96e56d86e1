package dev.scenariohub.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The checks every service's OpenAPI document must pass, for a service integration test
 * to implement: the running service publishes the committed document
 * ({@link OpenApiContract}), the document is one a client can generate from
 * ({@link OpenApiRules}), and the access it documents is the access it enforces
 * ({@link DocumentedAccess}).
 */
public interface PublishedApiContract {

	/** An anonymous client of the service under test. */
	WebTestClient web();

	/** The service's name, as in {@code contracts/openapi/<service>.json}. */
	String service();

	@Test
	default void publishesTheCommittedDocument() {
		OpenApiContract.assertPublishedMatchesCommitted(web(), service());
	}

	@Test
	default void documentsEveryOperationSoThatAClientCanBeGenerated() {
		OpenApiRules.assertClientReady(OpenApiContract.published(web()));
	}

	@Test
	default void enforcesTheAccessItDocumentsOnEveryOperation() {
		DocumentedAccess.assertEnforced(web(), OpenApiContract.published(web()));
	}

}
