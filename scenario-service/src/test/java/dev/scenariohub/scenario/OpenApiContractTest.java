package dev.scenariohub.scenario;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.DocumentedAccess;
import dev.scenariohub.platform.test.OpenApiContract;
import dev.scenariohub.platform.test.OpenApiRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The document scenario-service publishes is the committed one, and it is one a client
 * can generate from.
 */
@ScenarioServiceIntegrationTest
class OpenApiContractTest {

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Test
	void publishesTheCommittedDocument() {
		OpenApiContract.assertPublishedMatchesCommitted(this.web, "scenario-service");
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
