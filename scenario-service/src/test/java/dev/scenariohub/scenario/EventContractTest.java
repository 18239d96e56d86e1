package dev.scenariohub.scenario;

import dev.scenariohub.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** Every event type scenario-service can emit has a schema and an AsyncAPI message. */
class EventContractTest {

	@Test
	void everyEventTypeTheServiceEmitsHasAContract() {
		EventContracts.assertEveryEmittedTypeDocumented("dev.scenariohub.scenario");
	}

}
