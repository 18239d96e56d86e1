package dev.scenariohub.notification;

import dev.scenariohub.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * Every event type notification-service can emit has a schema and an AsyncAPI message.
 */
class EventContractTest {

	@Test
	void everyEventTypeTheServiceEmitsHasAContract() {
		EventContracts.assertEveryEmittedTypeDocumented("dev.scenariohub.notification");
	}

}
