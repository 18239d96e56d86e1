package dev.scenariohub.platform.web.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document every service publishes has the same frame: the gateway as the
 * server (clients never call a service directly), the bearer-token and OpenID Connect
 * security schemes, the problem responses, and the examples each service keeps under
 * {@code openapi/examples/<Schema>.json}. {@link OperationConventions} completes each
 * operation.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentation {

	@Bean
	@ConditionalOnMissingBean
	OpenAPI scenariohubOpenApi(@Value("${spring.application.name}") String service,
			@Value("${scenariohub.openapi.server-url:${PUBLIC_BASE_URL:http://localhost:8080}}") String gateway,
			@Value("${scenariohub.openapi.issuer-url:${ISSUER_URI:http://localhost:9000}}") String issuer,
			@Value("${scenariohub.openapi.description:}") String description) {
		Components components = new Components()
			.addSecuritySchemes(OperationConventions.BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An RS256 access token from the issuer. The operation's security"
								+ " requirement lists the roles (the token's `roles` claim) of which one is needed."))
			.addSecuritySchemes("oidc",
					new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
						.openIdConnectUrl(issuer + "/.well-known/openid-configuration")
						.description("Where tokens come from: client credentials for systems, authorization"
								+ " code with PKCE for people."));
		ProblemResponses.register(components);
		return new OpenAPI()
			.info(new Info().title("ScenarioHub " + service)
				.version("v1")
				.contact(new Contact().name("ScenarioHub").url("https://scenariohub.dev"))
				.description(description.isBlank() ? "The " + service + " part of the ScenarioHub API." : description))
			.servers(List.of(new Server().url(gateway).description("The ScenarioHub gateway")))
			.components(components);
	}

	@Bean
	OpenApiCustomizer scenariohubOperationConventions(JsonMapper json) {
		return new OperationConventions(examples(json));
	}

	private static Map<String, Object> examples(JsonMapper json) {
		Map<String, Object> examples = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:openapi/examples/*.json")) {
				String name = resource.getFilename().substring(0, resource.getFilename().length() - ".json".length());
				try (InputStream in = resource.getInputStream()) {
					examples.put(name, json.readValue(in, Object.class));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return examples;
	}

}
