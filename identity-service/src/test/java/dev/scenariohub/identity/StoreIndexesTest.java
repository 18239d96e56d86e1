package dev.scenariohub.identity;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.scenariohub.platform.test.IndexCoverage;
import dev.scenariohub.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the issuer's other tests and checks every query they made (sessions,
 * authorizations by each kind of token) used an index.
 */
@Order(Integer.MAX_VALUE)
class StoreIndexesTest {

	@Test
	void everyQueryTheIssuerRanIsServedByAnIndex() {
		try (MongoClient mongo = MongoClients.create(SharedInfrastructure.get().mongoUri(""))) {
			IndexCoverage.assertEveryRecordedQueryServed(mongo);
		}
	}

}
