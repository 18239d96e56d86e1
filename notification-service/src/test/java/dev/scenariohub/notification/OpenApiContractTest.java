package dev.scenariohub.notification;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.PublishedApiContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * notification-service's OpenAPI document: committed, generator-ready, and enforced as
 * documented.
 */
@IntegrationTest
class OpenApiContractTest implements PublishedApiContract {

	private WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Override
	public WebTestClient web() {
		return this.web;
	}

	@Override
	public String service() {
		return "notification-service";
	}

}
