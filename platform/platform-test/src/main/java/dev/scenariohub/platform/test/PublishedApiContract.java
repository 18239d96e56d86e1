package dev.scenariohub.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The checks every service's OpenAPI document must pass, for a service integration test
 * to extend: the running service publishes the committed document
 * ({@link OpenApiContract}), the document is one a client can generate from
 * ({@link OpenApiRules}), and the access it documents is the access it enforces
 * ({@link DocumentedAccess}).
 */
public abstract class PublishedApiContract {

	private final String service;

	private WebTestClient web;

	/**
	 * @param service the service's name, as in {@code contracts/openapi/<service>.json}
	 */
	protected PublishedApiContract(String service) {
		this.service = service;
	}

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Test
	void publishesTheCommittedDocument() {
		OpenApiContract.assertPublishedMatchesCommitted(this.web, this.service);
	}

	@Test
	void documentsEveryOperationSoThatAClientCanBeGenerated() {
		OpenApiRules.assertClientReady(OpenApiContract.published(this.web));
	}

	@Test
	void enforcesTheAccessItDocumentsOnEveryOperation() {
		DocumentedAccess.assertEnforced(this.web, OpenApiContract.published(this.web));
	}

}
