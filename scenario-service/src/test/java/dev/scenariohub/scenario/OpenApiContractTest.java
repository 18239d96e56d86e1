package dev.scenariohub.scenario;

import dev.scenariohub.platform.test.PublishedApiContract;

/**
 * scenario-service's OpenAPI document: committed, generator-ready, and enforced as
 * documented.
 */
@ScenarioServiceIntegrationTest
class OpenApiContractTest extends PublishedApiContract {

	OpenApiContractTest() {
		super("scenario-service");
	}

}
