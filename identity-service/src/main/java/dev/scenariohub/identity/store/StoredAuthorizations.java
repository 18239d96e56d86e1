package dev.scenariohub.identity.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (a sign-in in progress, its code, and the tokens issued) in MongoDB, so
 * that every replica of the issuer knows them: a code issued by one is exchanged at
 * another, a refresh token outlives the replica that issued it, and a revocation holds
 * everywhere.
 *
 * <p>
 * One document per authorization: the authorization itself (serialized), and the SHA-256
 * of each of its token values under the token type's name, each with a unique sparse
 * index, so a token is found by one indexed lookup and the store never holds a value it
 * is looked up by. The document expires (TTL index) when its last token does, or
 * {@link #PENDING} after it was started if no token was issued.
 */
public class StoredAuthorizations implements OAuth2AuthorizationService {

	static final String COLLECTION = "authorizations";

	/** How long a sign-in in progress, with no token issued yet, is kept. */
	static final Duration PENDING = Duration.ofMinutes(10);

	/** Each token type's value in an authorization, by the type's name. */
	private static final Map<String, Function<OAuth2Authorization, String>> LOOKUPS = new LinkedHashMap<>();

	static {
		LOOKUPS.put(OAuth2ParameterNames.STATE,
				authorization -> authorization.getAttribute(OAuth2ParameterNames.STATE));
		LOOKUPS.put(OAuth2ParameterNames.CODE, tokenValue(OAuth2AuthorizationCode.class));
		LOOKUPS.put(OAuth2TokenType.ACCESS_TOKEN.getValue(), tokenValue(OAuth2AccessToken.class));
		LOOKUPS.put(OAuth2TokenType.REFRESH_TOKEN.getValue(), tokenValue(OAuth2RefreshToken.class));
		LOOKUPS.put("id_token", tokenValue(OidcIdToken.class));
		LOOKUPS.put(OAuth2ParameterNames.USER_CODE, tokenValue(OAuth2UserCode.class));
		LOOKUPS.put(OAuth2ParameterNames.DEVICE_CODE, tokenValue(OAuth2DeviceCode.class));
	}

	private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2UserCode.class,
			OAuth2DeviceCode.class);

	private final MongoCollection<Document> authorizations;

	private final Clock clock;

	public StoredAuthorizations(MongoTemplate mongo, Clock clock) {
		this.authorizations = mongo.getCollection(COLLECTION);
		this.clock = clock;
		for (String field : LOOKUPS.keySet()) {
			this.authorizations.createIndex(Indexes.ascending(field), new IndexOptions().unique(true).sparse(true));
		}
		this.authorizations.createIndex(Indexes.ascending("expiresAt"),
				new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Document document = new Document("_id", authorization.getId())
			.append("clientId", authorization.getRegisteredClientId())
			.append("principal", authorization.getPrincipalName());
		LOOKUPS.forEach((field, value) -> {
			String secret = value.apply(authorization);
			if (secret != null) {
				document.append(field, StoredForm.digest(secret));
			}
		});
		document.append("expiresAt", Date.from(expiresAt(authorization)))
			.append("authorization", new Binary(StoredForm.serialized(authorization)));
		this.authorizations.replaceOne(Filters.eq("_id", authorization.getId()), document,
				new ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return found(this.authorizations.find(Filters.eq("_id", id)).first());
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		String digest = StoredForm.digest(token);
		if (tokenType != null) {
			return LOOKUPS.containsKey(tokenType.getValue())
					? found(this.authorizations.find(Filters.eq(tokenType.getValue(), digest)).first()) : null;
		}
		for (String field : LOOKUPS.keySet()) {
			OAuth2Authorization found = found(this.authorizations.find(Filters.eq(field, digest)).first());
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private OAuth2Authorization found(Document document) {
		if (document == null) {
			return null;
		}
		if (document.getDate("expiresAt").toInstant().isBefore(this.clock.instant())) {
			// the TTL monitor has not come by yet
			return null;
		}
		return StoredForm
			.deserialized(document.get("authorization", Binary.class).getData(), OAuth2Authorization.class,
					"authorization " + document.get("_id"))
			.orElse(null);
	}

	private Instant expiresAt(OAuth2Authorization authorization) {
		Instant latest = null;
		for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			Instant expiresAt = token == null ? null : token.getToken().getExpiresAt();
			if (expiresAt != null && (latest == null || expiresAt.isAfter(latest))) {
				latest = expiresAt;
			}
		}
		return latest != null ? latest : this.clock.instant().plus(PENDING);
	}

	private static Function<OAuth2Authorization, String> tokenValue(Class<? extends OAuth2Token> type) {
		return authorization -> {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			return token == null ? null : token.getToken().getTokenValue();
		};
	}

}
