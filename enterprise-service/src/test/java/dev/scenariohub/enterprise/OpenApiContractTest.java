package dev.scenariohub.enterprise;

import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.PublishedApiContract;

/**
 * enterprise-service's OpenAPI document: committed, generator-ready, and enforced as
 * documented.
 */
@IntegrationTest
class OpenApiContractTest extends PublishedApiContract {

	OpenApiContractTest() {
		super("enterprise-service");
	}

}
