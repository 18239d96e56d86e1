package dev.scenariohub.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.scenariohub.client.enterprise.api.ApplicationsApi;
import dev.scenariohub.client.enterprise.api.EnterprisesApi;
import dev.scenariohub.client.enterprise.api.MatchingApi;
import dev.scenariohub.client.enterprise.model.ApplicationView;
import dev.scenariohub.client.enterprise.model.ContactRequest;
import dev.scenariohub.client.enterprise.model.CreateApplication;
import dev.scenariohub.client.enterprise.model.EnterpriseView;
import dev.scenariohub.client.enterprise.model.RegisterEnterprise;
import dev.scenariohub.client.scenario.api.ProgramsApi;
import dev.scenariohub.client.scenario.api.ScenariosApi;
import dev.scenariohub.client.scenario.model.CreateProgram;
import dev.scenariohub.client.scenario.model.CreateScenario;
import dev.scenariohub.client.scenario.model.CriterionRequest;
import dev.scenariohub.client.scenario.model.Money;
import dev.scenariohub.client.scenario.model.ProgramView;
import dev.scenariohub.client.scenario.model.ScenarioView;
import dev.scenariohub.client.scenario.model.SupportRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A client generated at build time from the committed OpenAPI documents (the Maven build
 * of this module generates it) walks the journey through the gateway, as a new user's
 * would: create a program and a scenario, publish it, register and verify an enterprise,
 * apply and submit. A document that misleads a generator breaks this test or the build.
 */
class GeneratedClientSystemTest {

	private static <T> T as(String clientId, Function<String, T> client) {
		return client.apply(Stack.token(clientId));
	}

	private static dev.scenariohub.client.scenario.ApiClient scenarioClient(String token) {
		var client = new dev.scenariohub.client.scenario.ApiClient();
		client.updateBaseUri(Stack.get().gatewayUrl());
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static dev.scenariohub.client.enterprise.ApiClient enterpriseClient(String token) {
		var client = new dev.scenariohub.client.enterprise.ApiClient();
		client.updateBaseUri(Stack.get().gatewayUrl());
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	@Test
	void aGeneratedClientWalksFromProgramToSubmittedApplication() throws Exception {
		var officerScenarios = as("demo-officer", GeneratedClientSystemTest::scenarioClient);
		var officerEnterprises = as("demo-officer", GeneratedClientSystemTest::enterpriseClient);
		var enterprise = as("demo-enterprise-1", GeneratedClientSystemTest::enterpriseClient);

		ProgramView program = new ProgramsApi(officerScenarios)
			.createProgram(new CreateProgram().name("Generated-client program")
				.authority("Haizhu District AI Development Bureau")
				.fundingBudget(new Money().amount("2000000.00").currency("CNY"))
				.computeBudget(5000L)
				.startsOn(LocalDate.of(2026, 1, 1))
				.endsOn(LocalDate.of(2027, 12, 31)), UUID.randomUUID().toString());
		assertThat(program.getFundingBudget().getRemaining().getAmount()).isEqualTo("2000000.00");

		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		ScenariosApi scenarios = new ScenariosApi(officerScenarios);
		ScenarioView draft = scenarios.createScenario(
				new CreateScenario().programId(program.getId())
					.title("Parcel drones for urban villages")
					.sector(CreateScenario.SectorEnum.LOW_ALTITUDE_ECONOMY)
					.demandOwner("Haizhu Post")
					.description("Last-mile delivery by drone")
					.requiredCapabilities(List.of("drone-navigation"))
					.support(new SupportRequest().funding(new Money().amount("500000.00").currency("CNY"))
						.computeGpuHours(800L))
					.maxAwards(1)
					.opensAt(opens)
					.closesAt(opens.plusDays(30))
					.rubric(List.of(new CriterionRequest().key("feasibility").name("Feasibility").weight(100))),
				UUID.randomUUID().toString());
		assertThat(draft.getStatus()).hasToString("DRAFT");
		ScenarioView open = scenarios.publishScenario(draft.getId(), "\"" + draft.getVersion() + "\"");
		assertThat(open.getStatus()).hasToString("OPEN");

		EnterpriseView registered = new EnterprisesApi(enterprise).registerEnterprise(
				new RegisterEnterprise().name("Generated Client Drones")
					.creditCode(ApplyAndReviewSystemTest.freshCreditCode())
					.category(RegisterEnterprise.CategoryEnum.STARTUP)
					.district("Haizhu")
					.capabilities(List.of("drone-navigation"))
					.contact(new ContactRequest().name("Li Wei").email("li.wei@example.com")),
				UUID.randomUUID().toString());
		EnterpriseView verified = new EnterprisesApi(officerEnterprises).verifyEnterprise(registered.getId(), null);
		assertThat(verified.getStatus()).hasToString("VERIFIED");

		MatchingApi matching = new MatchingApi(enterprise);
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> matching.getKnownOpenScenario(open.getId()) != null);

		ApplicationsApi applications = new ApplicationsApi(enterprise);
		ApplicationView application = applications.createApplication(new CreateApplication().scenarioId(open.getId())
			.enterpriseId(registered.getId())
			.summary("Roof-landing drones deliver to parcel lockers")
			.requestedFunding(new dev.scenariohub.client.enterprise.model.Money().amount("450000.00").currency("CNY"))
			.requestedComputeGpuHours(600L), UUID.randomUUID().toString());
		assertThat(applications.submitApplication(application.getId()).getStatus()).hasToString("SUBMITTED");

		// problems come back as the documented type with its status
		assertThatThrownBy(() -> applications.submitApplication(application.getId()))
			.isInstanceOfSatisfying(dev.scenariohub.client.enterprise.ApiException.class, problem -> {
				assertThat(problem.getCode()).isEqualTo(409);
				assertThat(problem.getResponseBody()).contains("https://scenariohub.dev/problems/");
			});
	}

}
