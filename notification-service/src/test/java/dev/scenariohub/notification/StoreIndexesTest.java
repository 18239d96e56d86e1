package dev.scenariohub.notification;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.scenariohub.platform.test.IndexCoverage;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs after the service's other tests and checks every query they made used an index.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class StoreIndexesTest {

	@Autowired
	MongoClient mongo;

	@Test
	void everyQueryTheServiceRanIsServedByAnIndex() {
		IndexCoverage.assertEveryRecordedQueryServed(this.mongo);
	}

}
