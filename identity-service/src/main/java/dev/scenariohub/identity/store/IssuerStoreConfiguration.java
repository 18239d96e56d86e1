package dev.scenariohub.identity.store;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * What the issuer's replicas share through MongoDB: authorizations, consents and sign-in
 * sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
public class IssuerStoreConfiguration {

	/**
	 * The sign-in session's cookie. Not {@code SESSION} or {@code JSESSIONID}: the
	 * console may be served from the same host, and cookies are not kept apart by port.
	 */
	static final String SESSION_COOKIE = "SCENARIOHUB_SIGNIN";

	@Bean
	OAuth2AuthorizationService authorizationService(MongoTemplate mongo) {
		return new StoredAuthorizations(mongo, Clock.systemUTC());
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(MongoTemplate mongo) {
		return new StoredConsents(mongo);
	}

	@Bean
	StoredSessions sessionRepository(MongoTemplate mongo,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return new StoredSessions(mongo, timeout, Clock.systemUTC());
	}

	@Bean
	CookieSerializer cookieSerializer() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SESSION_COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

	/**
	 * MongoDB health by {@code ping}, which every MongoDB-protocol server answers (Boot's
	 * own indicator sends {@code hello}).
	 */
	@Bean
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new AbstractHealthIndicator("MongoDB ping failed") {
			@Override
			protected void doHealthCheck(Health.Builder builder) {
				mongo.executeCommand(new Document("ping", 1));
				builder.up();
			}
		};
	}

}
