package dev.scenariohub.identity.store;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * What a person consented to, per client, in MongoDB, so every replica of the issuer
 * knows it: one document per client and person, with the authorities granted.
 */
public class StoredConsents implements OAuth2AuthorizationConsentService {

	static final String COLLECTION = "consents";

	private final MongoCollection<Document> consents;

	public StoredConsents(MongoTemplate mongo) {
		this.consents = mongo.getCollection(COLLECTION);
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		Document id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
		List<String> authorities = consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		this.consents.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("authorities", authorities),
				new ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.consents.deleteOne(Filters.eq("_id", id(consent.getRegisteredClientId(), consent.getPrincipalName())));
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		Document document = this.consents.find(Filters.eq("_id", id(registeredClientId, principalName))).first();
		if (document == null) {
			return null;
		}
		OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId,
				principalName);
		for (String authority : document.getList("authorities", String.class)) {
			consent.authority(new SimpleGrantedAuthority(authority));
		}
		return consent.build();
	}

	private static Document id(String registeredClientId, String principalName) {
		return new Document("client", registeredClientId).append("principal", principalName);
	}

}
