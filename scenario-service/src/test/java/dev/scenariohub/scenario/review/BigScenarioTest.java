package dev.scenariohub.scenario.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.scenario.Fixtures;
import dev.scenariohub.scenario.ScenarioServiceIntegrationTest;
import dev.scenariohub.scenario.readmodel.ApplicationPayload;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scenario with many applications, three reviews each, every review with the longest
 * comment allowed, keeps working: every review is taken, the reviewer reads the comment
 * back, the ranking has every application, and the scenario's document stays far below
 * MongoDB's 16 MB limit. The build runs {@code -Dscenariohub.big.applications} (default
 * 40) applications and projects the document's size to 1,000 from what each one added.
 */
@ScenarioServiceIntegrationTest
class BigScenarioTest {

	private static final Logger log = LoggerFactory.getLogger(BigScenarioTest.class);

	static final int APPLICATIONS = Integer.getInteger("scenariohub.big.applications", 40);

	static final int PROJECTED_APPLICATIONS = 1_000;

	static final long MONGODB_LIMIT = 16L * 1024 * 1024;

	/** 10,000 characters (the limit), each three bytes in UTF-8. */
	static final String LONGEST_COMMENT = "评".repeat(10_000);

	@Autowired
	MutableClock clock;

	@Autowired
	KnownApplicantRepository applicants;

	@Autowired
	ReactiveMongoTemplate mongo;

	Fixtures fixtures;

	@Autowired
	void bind(ApplicationContext context) {
		this.fixtures = new Fixtures(ApiClients.anonymous(context), this.clock);
	}

	@Test
	void aScenarioWithManyApplicationsAndLongReviewsStaysFarBelowTheDocumentLimit() {
		String tag = new ObjectId().toHexString().substring(16);
		List<String> reviewers = List.of("big-1-" + tag, "big-2-" + tag, "big-3-" + tag);
		String scenarioId = this.fixtures
			.draft(this.fixtures.scenarioBody(this.fixtures.program("1000000.00", 10_000)));
		this.fixtures.transition(scenarioId, "publish");
		this.fixtures.transition(scenarioId, "close");
		for (int i = 0; i < APPLICATIONS; i++) {
			this.applicants
				.applyApplication(
						new ApplicationPayload(new ObjectId().toHexString(), scenarioId, new ObjectId().toHexString(),
								"SUBMITTED",
								new KnownApplication.Proposal("proposal " + i, "approach", "team", List.of(), null,
										null),
								Instant.parse("2026-03-01T08:00:00Z")),
						2)
				.block(Duration.ofSeconds(10));
		}
		long empty = settledSize(scenarioId);

		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/review-assignments/auto", scenarioId)
			.bodyValue(Map.of("reviewers", reviewers, "perApplication", 3))
			.exchange()
			.expectStatus()
			.isOk();
		this.fixtures.transition(scenarioId, "start-review");
		for (String reviewer : reviewers) {
			for (Map<String, Object> assignment : assignmentsOf(reviewer)) {
				reviewer(reviewer).post()
					.uri("/api/v1/reviews/assignments/{id}/scores", assignment.get("assignmentId"))
					.bodyValue(Map.of("scores", Map.of("feasibility", 4, "impact", 3), "comment", LONGEST_COMMENT))
					.exchange()
					.expectStatus()
					.isOk();
			}
		}

		List<Map<String, Object>> reviewed = assignmentsOf(reviewers.get(0));
		assertThat(reviewed).hasSize(APPLICATIONS)
			.allSatisfy(
					a -> assertThat(a).containsEntry("status", "SUBMITTED").containsEntry("comment", LONGEST_COMMENT));
		this.fixtures.officer()
			.get()
			.uri("/api/v1/scenarios/{id}/ranking", scenarioId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(APPLICATIONS);

		long reviewedSize = settledSize(scenarioId);
		long perApplication = (reviewedSize - empty) / APPLICATIONS;
		long projected = empty + perApplication * PROJECTED_APPLICATIONS;
		log.info(
				"Scenario document: {} bytes with no assignment, {} bytes with {} applications reviewed three times, "
						+ "{} bytes per application, projected {} bytes for {}",
				empty, reviewedSize, APPLICATIONS, perApplication, projected, PROJECTED_APPLICATIONS);
		assertThat(projected)
			.as("bytes of a scenario with %d applications and 3 longest reviews each (%d bytes per application)",
					PROJECTED_APPLICATIONS, perApplication)
			.isLessThan(MONGODB_LIMIT / 4);
	}

	/** The document's size in BSON, once its outbox has been published. */
	private long settledSize(String scenarioId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !document(scenarioId).containsKey(AggregateStore.OUTBOX_SINCE));
		return new RawBsonDocument(document(scenarioId), new DocumentCodec()).getByteBuffer().remaining();
	}

	private Document document(String scenarioId) {
		return this.mongo.findById(scenarioId, Document.class, ScenarioRepository.COLLECTION)
			.block(Duration.ofSeconds(10));
	}

	/** A reviewer's client, reading lists of long reviews (a megabyte or more). */
	private WebTestClient reviewer(String sub) {
		return this.fixtures.as(sub, "reviewer")
			.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	private List<Map<String, Object>> assignmentsOf(String reviewer) {
		return reviewer(reviewer).get()
			.uri("/api/v1/reviews/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
