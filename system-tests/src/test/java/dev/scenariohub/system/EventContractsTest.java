package dev.scenariohub.system;

import dev.scenariohub.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document uses every event schema, each for its own type. */
class EventContractsTest {

	@Test
	void everyEventSchemaIsTheSchemaOfAnAsyncApiMessage() {
		EventContracts.assertEverySchemaReferenced();
	}

	@Test
	void subscribersAreToldTopicsKeysAndThatWePublish() {
		EventContracts.assertKafkaBindingsAndOperations();
	}

}
