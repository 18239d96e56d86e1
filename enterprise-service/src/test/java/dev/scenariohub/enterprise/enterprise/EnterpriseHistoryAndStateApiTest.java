package dev.scenariohub.enterprise.enterprise;

import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What an enterprise's stored state and history say after its lifecycle moves on. */
@IntegrationTest
class EnterpriseHistoryAndStateApiTest {

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private WebTestClient officer() {
		return ApiClients.as(this.web, "demo-officer", "officer");
	}

	private String register(String owner) {
		Map<?, ?> created = ApiClients.as(this.web, owner, "enterprise")
			.post()
			.uri("/api/v1/enterprises")
			.bodyValue(Map.of("name", "Pearl River Vision Ltd.", "creditCode", CreditCodes.fresh(), "category",
					"STARTUP", "district", "Haizhu", "capabilities", List.of("computer-vision"), "contact",
					Map.of("name", "Chen Jing", "email", "chen.jing@example.com")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	@Test
	void aVerifiedEnterpriseNoLongerCarriesItsEarlierRejectionReason() {
		String id = register("ent-state-1");
		officer().post()
			.uri("/api/v1/enterprises/{id}/reject", id)
			.bodyValue(Map.of("reason", "Business licence scan unreadable"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rejectionReason")
			.isEqualTo("Business licence scan unreadable");
		officer().post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isOk();
		Map<?, ?> stored = officer().get()
			.uri("/api/v1/enterprises/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(stored.get("status")).isEqualTo("VERIFIED");
		assertThat(stored.get("rejectionReason")).as("read back from the store").isNull();
	}

	@Test
	void anEmptyChangeWithAStaleVersionIsRefusedAsStale() {
		String id = register("ent-state-5");
		WebTestClient owner = ApiClients.as(this.web, "ent-state-5", "enterprise");
		officer().post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isOk();

		owner.patch()
			.uri("/api/v1/enterprises/{id}", id)
			.header("If-Match", "\"999999\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aVerifiedEnterpriseThatChangesItsCategoryIsVerifiedAgainButOtherChangesKeepItVerified() {
		String id = register("ent-state-3");
		WebTestClient owner = ApiClients.as(this.web, "ent-state-3", "enterprise");
		officer().post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isOk();

		owner.patch()
			.uri("/api/v1/enterprises/{id}", id)
			.header("If-Match", "\"2\"")
			.bodyValue(Map.of("district", "Tianhe"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VERIFIED");
		owner.patch()
			.uri("/api/v1/enterprises/{id}", id)
			.header("If-Match", "\"3\"")
			.bodyValue(Map.of("category", "LITTLE_GIANT"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.category")
			.isEqualTo("LITTLE_GIANT");
	}

	@Test
	void historyBeginsWithTheRegistration() {
		String id = register("ent-state-2");
		officer().post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isOk();
		officer().get()
			.uri("/api/v1/enterprises/{id}/history", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].type")
			.isEqualTo("dev.scenariohub.enterprise.registered.v1")
			.jsonPath("$[0].actor")
			.isEqualTo("ent-state-2")
			.jsonPath("$[0].sequence")
			.isEqualTo(1)
			.jsonPath("$[1].type")
			.isEqualTo("dev.scenariohub.enterprise.verified.v1");
	}

}
