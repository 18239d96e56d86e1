package dev.scenariohub.notification;

import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.PublishedApiContract;

/**
 * notification-service's OpenAPI document: committed, generator-ready, and enforced as
 * documented.
 */
@IntegrationTest
class OpenApiContractTest extends PublishedApiContract {

	OpenApiContractTest() {
		super("notification-service");
	}

}
