package dev.scenariohub.notification.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.ConsumerGroups;
import dev.scenariohub.platform.test.IntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who must know, rule by rule (officers here: officer-1 and officer-2, from test
 * configuration).
 */
@IntegrationTest
class RecipientRulesTest {

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	WebTestClient web;

	Events events;

	String scenario;

	String enterprise;

	String application;

	String owner;

	String member;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
		this.events = new Events(this.publisher, this.kafka);
	}

	/**
	 * A scenario, an enterprise (owner + member) and its submitted application, known to
	 * the service.
	 */
	@BeforeEach
	void world() {
		this.scenario = new ObjectId().toHexString();
		this.enterprise = new ObjectId().toHexString();
		this.application = new ObjectId().toHexString();
		this.owner = "owner-" + UUID.randomUUID();
		this.member = "member-" + UUID.randomUUID();
		this.events.send("scenarios", "dev.scenariohub.scenario.published.v1", this.scenario, 2,
				Events.published(this.scenario, "HEALTHCARE", "medical-imaging"));
		this.events.send("enterprises", "dev.scenariohub.enterprise.registered.v1", this.enterprise, 1,
				Events.enterprise(this.enterprise, this.owner, this.member).replace("VERIFIED", "PENDING"));
		consumed(this.events.send("applications", "dev.scenariohub.application.submitted.v1", this.application, 2,
				Events.application(this.application, this.scenario, this.enterprise, "SUBMITTED")));
	}

	private static void consumed(RecordMetadata record) {
		ConsumerGroups.awaitConsumed("notification-service", record, Duration.ofSeconds(30));
	}

	private List<Map<String, Object>> inbox(String sub) {
		Map<String, Object> page = ApiClients.as(this.web, sub, "enterprise")
			.get()
			.uri("/api/v1/notifications?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
		return items;
	}

	private List<String> types(String sub) {
		return inbox(sub).stream().map(n -> (String) n.get("type")).toList();
	}

	@Test
	void aSubmittedApplicationTellsTheOfficersAndTheApplicant() {
		for (String sub : List.of("officer-1", "officer-2", this.owner, this.member)) {
			assertThat(types(sub)).contains("dev.scenariohub.application.submitted.v1");
		}
		assertThat(inbox(this.owner)).filteredOn(n -> n.get("type").equals("dev.scenariohub.application.submitted.v1"))
			.singleElement()
			.satisfies(n -> assertThat(n.get("link")).isEqualTo("/api/v1/applications/" + this.application));
	}

	@Test
	void statusChangesAndReconfirmationGoToTheApplicantOnly() {
		this.events.send("applications", "dev.scenariohub.application.reconfirmation-required.v1", this.application, 3,
				Events.application(this.application, this.scenario, this.enterprise, "RECONFIRMATION_REQUIRED"));
		consumed(this.events.send("applications", "dev.scenariohub.application.status-changed.v1", this.application, 4,
				Events.application(this.application, this.scenario, this.enterprise, "UNDER_REVIEW")));
		for (String sub : List.of(this.owner, this.member)) {
			assertThat(types(sub)).contains("dev.scenariohub.application.reconfirmation-required.v1",
					"dev.scenariohub.application.status-changed.v1");
		}
		assertThat(types("officer-1")).doesNotContain("dev.scenariohub.application.status-changed.v1");
	}

	@Test
	void aClosedScenarioTellsItsApplicantsAndSubscribers() {
		String subscriber = "sub-" + UUID.randomUUID();
		ApiClients.as(this.web, subscriber, "enterprise")
			.post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("capabilities", List.of("medical-imaging")))
			.exchange()
			.expectStatus()
			.isCreated();
		consumed(this.events.send("scenarios", "dev.scenariohub.scenario.closed.v1", this.scenario, 3,
				"""
						{"scenarioId":"%s","programId":"p1","status":"CLOSED","closesAt":"2026-04-01T02:00:00Z","reason":null}"""
					.formatted(this.scenario)));
		for (String sub : List.of(this.owner, this.member, subscriber)) {
			assertThat(types(sub)).contains("dev.scenariohub.scenario.closed.v1");
		}
		assertThat(types("officer-1")).doesNotContain("dev.scenariohub.scenario.closed.v1");
	}

	@Test
	void materialChangesCancellationsAndAwardsReachApplicantsAndSubscribersButCosmeticChangesNobody() {
		String subscriber = "sub-" + UUID.randomUUID();
		ApiClients.as(this.web, subscriber, "enterprise")
			.post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("sectors", List.of("HEALTHCARE")))
			.exchange()
			.expectStatus()
			.isCreated();
		String snapshot = Events.published(this.scenario, "HEALTHCARE", "medical-imaging");
		this.events.send("scenarios", "dev.scenariohub.scenario.updated.v1", this.scenario, 3,
				"""
						{"scenarioId":"%s","status":"OPEN","material":false,"changedFields":["title"],"deadlineExtended":false,"scenario":%s}"""
					.formatted(this.scenario, snapshot));
		this.events.send("scenarios", "dev.scenariohub.scenario.updated.v1", this.scenario, 4,
				"""
						{"scenarioId":"%s","status":"OPEN","material":true,"changedFields":["requirements"],"deadlineExtended":true,"scenario":%s}"""
					.formatted(this.scenario, snapshot));
		this.events.send("scenarios", "dev.scenariohub.scenario.awarded.v1", this.scenario, 9,
				"""
						{"scenarioId":"%s","programId":"p1","status":"AWARDED","winners":[{"applicationId":"%s","funding":{"amount":"1.00","currency":"CNY"},"computeGpuHours":1}],"notSelected":[]}"""
					.formatted(this.scenario, this.application));
		consumed(this.events.send("scenarios", "dev.scenariohub.scenario.cancelled.v1", this.scenario, 10,
				"""
						{"scenarioId":"%s","programId":"p1","status":"CANCELLED","closesAt":"2026-04-01T02:00:00Z","reason":"budget withdrawn"}"""
					.formatted(this.scenario)));
		for (String sub : List.of(this.owner, this.member, subscriber)) {
			assertThat(types(sub)).containsOnlyOnce("dev.scenariohub.scenario.updated.v1")
				.contains("dev.scenariohub.scenario.awarded.v1", "dev.scenariohub.scenario.cancelled.v1");
		}
		assertThat(inbox(this.owner)).anySatisfy(n -> assertThat((String) n.get("body")).contains("budget withdrawn"));
	}

	@Test
	void readAllMarksEveryNotificationRead() {
		WebTestClient owner = ApiClients.as(this.web, this.owner, "enterprise");
		owner.post()
			.uri("/api/v1/notifications/read-all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.marked")
			.isEqualTo(1);
		owner.get()
			.uri("/api/v1/notifications?unread=true")
			.exchange()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
		owner.post()
			.uri("/api/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"sectors\": [\"" + "X".repeat(300_000) + "\"]}")
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void reviewersObjectionsMilestonesAndVerificationReachTheirPeople() {
		String reviewer = "reviewer-" + UUID.randomUUID();
		this.events.send("scenarios", "dev.scenariohub.review.assigned.v1", this.scenario, 5, """
				{"scenarioId":"%s","assignmentId":"x1","applicationId":"%s","reviewer":"%s","status":"ASSIGNED"}"""
			.formatted(this.scenario, this.application, reviewer));
		this.events.send("scenarios", "dev.scenariohub.objection.lodged.v1", this.scenario, 6, """
				{"scenarioId":"%s","objectionId":"o1","applicationId":"%s","status":"LODGED","awardWithdrawn":false}"""
			.formatted(this.scenario, this.application));
		this.events.send("scenarios", "dev.scenariohub.milestone.overdue.v1", this.scenario, 7,
				"""
						{"scenarioId":"%s","milestoneId":"m1","applicationId":"%s","title":"Prototype","dueOn":"2026-06-01","completed":false}"""
					.formatted(this.scenario, this.application));
		consumed(this.events.send("enterprises", "dev.scenariohub.enterprise.verified.v1", this.enterprise, 2,
				Events.enterprise(this.enterprise, this.owner, this.member)));
		this.events.send("scenarios", "dev.scenariohub.milestone.due-soon.v1", this.scenario, 8,
				"""
						{"scenarioId":"%s","milestoneId":"m2","applicationId":"%s","title":"Report","dueOn":"2026-07-01","completed":false}"""
					.formatted(this.scenario, this.application));
		this.events.send("applications", "dev.scenariohub.application.withdrawn.v1", this.application, 9,
				Events.application(this.application, this.scenario, this.enterprise, "WITHDRAWN"));
		consumed(this.events.send("enterprises", "dev.scenariohub.enterprise.rejected.v1", this.enterprise, 3,
				Events.enterprise(this.enterprise, this.owner, this.member).replace("VERIFIED", "REJECTED")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> types(this.owner).contains("dev.scenariohub.enterprise.rejected.v1"));
		assertThat(types(this.member))
			.contains("dev.scenariohub.milestone.due-soon.v1", "dev.scenariohub.application.withdrawn.v1")
			.doesNotContain("dev.scenariohub.enterprise.rejected.v1");
		assertThat(types("officer-1")).contains("dev.scenariohub.milestone.due-soon.v1",
				"dev.scenariohub.application.withdrawn.v1");

		assertThat(types(reviewer)).containsExactly("dev.scenariohub.review.assigned.v1");
		assertThat(types("officer-2")).contains("dev.scenariohub.objection.lodged.v1",
				"dev.scenariohub.milestone.overdue.v1");
		assertThat(types(this.owner))
			.contains("dev.scenariohub.milestone.overdue.v1", "dev.scenariohub.enterprise.verified.v1")
			.doesNotContain("dev.scenariohub.objection.lodged.v1");
		assertThat(types(this.member)).doesNotContain("dev.scenariohub.enterprise.verified.v1");
	}

	@Test
	void textsFollowTheRecipientsLocale() {
		ApiClients.as(this.web, this.member, "enterprise")
			.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "en"))
			.exchange()
			.expectStatus()
			.isOk();
		consumed(this.events.send("applications", "dev.scenariohub.application.status-changed.v1", this.application, 5,
				Events.application(this.application, this.scenario, this.enterprise, "SHORTLISTED")));
		assertThat(inbox(this.member))
			.anySatisfy(n -> assertThat(n.get("title")).isEqualTo("Application status: SHORTLISTED"));
		assertThat(inbox(this.owner)).anySatisfy(n -> assertThat(n.get("title")).isEqualTo("申报状态更新：SHORTLISTED"));
		ApiClients.as(this.web, this.member, "enterprise")
			.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "fr"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		ApiClients.as(this.web, this.member, "enterprise")
			.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "en", "channels", Map.of("GOSSIP", List.of("INBOX"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
