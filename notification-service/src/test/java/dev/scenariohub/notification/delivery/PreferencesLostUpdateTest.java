package dev.scenariohub.notification.delivery;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.scenariohub.notification.preferences.Channel;
import dev.scenariohub.notification.preferences.EventFamily;
import dev.scenariohub.notification.preferences.Preferences;
import dev.scenariohub.notification.preferences.PreferencesRepository;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes to someone's notification preferences that arrive at the same moment are all
 * kept: two unsubscribe links followed at once (from two mails), an address confirmed
 * while the preferences are being saved or while an unsubscribe is.
 */
@IntegrationTest
class PreferencesLostUpdateTest {

	/** Pairs of changes made at once; one lost in any of them fails the test. */
	private static final int ATTEMPTS = 20;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final UnsubscribeLinks links = new UnsubscribeLinks("test-secret-for-unsubscribe-links", "x");

	@Autowired
	PreferencesRepository preferences;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void twoUnsubscribeLinksFollowedAtOnceBothTakeEffect() {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < ATTEMPTS; i++) {
			String recipient = "unsubscriber-" + UUID.randomUUID();
			recipients.add(recipient);
			String scenarioLink = this.links.token(recipient, "scenario.published");
			String applicationLink = this.links.token(recipient, "application.submitted");
			atOnce(() -> unsubscribe(scenarioLink), () -> unsubscribe(applicationLink));
		}

		for (String recipient : recipients) {
			Preferences stored = this.preferences.of(recipient).block();
			assertThat(stored.wants("scenario.published", "email")).as("%s: scenario mail", recipient).isFalse();
			assertThat(stored.wants("application.submitted", "email")).as("%s: application mail", recipient).isFalse();
			assertThat(stored.wants("scenario.published", "inbox")).as("%s: inbox untouched", recipient).isTrue();
		}
	}

	@Test
	void anAddressConfirmedWhileThePreferencesAreSavedStaysConfirmed() {
		for (int i = 0; i < ATTEMPTS; i++) {
			String owner = "saver-" + UUID.randomUUID();
			String address = owner + "@example.com";
			WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
			put(client, Map.of("locale", "en", "email", address));

			atOnce(() -> this.preferences.confirmEmail(owner, address).block(),
					() -> put(client, Map.of("locale", "zh-CN", "email", address)));

			Preferences stored = this.preferences.of(owner).block();
			assertThat(stored.locale()).isEqualTo("zh-CN");
			assertThat(stored.emailConfirmed()).as("attempt %d: the confirmation was kept", i).isTrue();
		}
	}

	@Test
	void anAddressConfirmedWhileAnUnsubscribeIsSavedStaysConfirmed() {
		for (int i = 0; i < ATTEMPTS; i++) {
			String owner = "confirmer-" + UUID.randomUUID();
			String address = owner + "@example.com";
			put(ApiClients.as(this.web, owner, "enterprise"), Map.of("locale", "en", "email", address));
			String link = this.links.token(owner, "scenario.published");

			atOnce(() -> this.preferences.confirmEmail(owner, address).block(), () -> unsubscribe(link));

			Preferences stored = this.preferences.of(owner).block();
			assertThat(stored.wants("scenario.published", "email")).isFalse();
			assertThat(stored.emailConfirmed()).as("attempt %d: the confirmation was kept", i).isTrue();
		}
	}

	@Test
	void unsubscribingKeepsTheOtherChannelsOfAFamilyAlreadyChosen() {
		String owner = "chooser-" + UUID.randomUUID();
		put(ApiClients.as(this.web, owner, "enterprise"),
				Map.of("locale", "en", "channels", Map.of("SCENARIO", List.of("EMAIL", "WEBHOOK"))));

		unsubscribe(this.links.token(owner, "scenario.published"));
		unsubscribe(this.links.token(owner, "scenario.published"));

		assertThat(this.preferences.of(owner).block().channels()).containsEntry(EventFamily.SCENARIO,
				EnumSet.of(Channel.WEBHOOK));
	}

	private void unsubscribe(String token) {
		this.web.post().uri("/api/v1/notifications/unsubscribe?token={t}", token).exchange().expectStatus().isOk();
	}

	private static void put(WebTestClient client, Map<String, Object> body) {
		client.put().uri("/api/v1/notification-preferences").bodyValue(body).exchange().expectStatus().isOk();
	}

	/** Runs both as close to the same moment as two threads can. */
	private void atOnce(Runnable first, Runnable second) {
		CyclicBarrier start = new CyclicBarrier(2);
		Consumer<Runnable> go = action -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			action.run();
		};
		CompletableFuture
			.allOf(CompletableFuture.runAsync(() -> go.accept(first), this.pool),
					CompletableFuture.runAsync(() -> go.accept(second), this.pool))
			.join();
	}

}
