package dev.scenariohub.identity.store;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the issuer stores stops counting when it expires, whether or not the store has
 * removed it yet (MongoDB's TTL monitor runs once a minute; mongo-java-server has none).
 */
class StoredExpiryTest {

	static final MongoClient CLIENT = MongoClients.create(SharedInfrastructure.get().mongoUri(""));

	final MongoTemplate mongo = new MongoTemplate(CLIENT,
			"identity-expiry-" + UUID.randomUUID().toString().substring(0, 8));

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

	@AfterAll
	static void close() {
		CLIENT.close();
	}

	@Test
	void aSessionIsFoundUntilItTimesOutThenIsGone() {
		StoredSessions sessions = new StoredSessions(this.mongo, Duration.ofMinutes(30), this.clock);
		MapSession session = sessions.createSession();
		session.setAttribute("who", "demo-officer");
		sessions.save(session);

		this.clock.advance(Duration.ofMinutes(29));
		assertThat(sessions.findById(session.getId())).isNotNull()
			.extracting(found -> found.getAttribute("who"))
			.isEqualTo("demo-officer");

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(sessions.findById(session.getId())).isNull();
		assertThat(this.mongo.getCollection(StoredSessions.COLLECTION).countDocuments()).isZero();
	}

	@Test
	void anAuthorizationIsFoundByItsTokenUntilTheTokenExpires() {
		StoredAuthorizations authorizations = new StoredAuthorizations(this.mongo, this.clock);
		RegisteredClient client = RegisteredClient.withId("c-1")
			.clientId("demo-officer")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-value",
				this.clock.instant(), this.clock.instant().plus(Duration.ofMinutes(30)));
		authorizations.save(OAuth2Authorization.withRegisteredClient(client)
			.id("a-1")
			.principalName("demo-officer")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.token(token)
			.build());

		assertThat(authorizations.findByToken("token-value", OAuth2TokenType.ACCESS_TOKEN)).isNotNull()
			.extracting(OAuth2Authorization::getPrincipalName)
			.isEqualTo("demo-officer");
		assertThat(authorizations.findByToken("token-value", null)).isNotNull();

		this.clock.advance(Duration.ofMinutes(31));
		assertThat(authorizations.findByToken("token-value", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(authorizations.findById("a-1")).isNull();
	}

}
