package dev.scenariohub.console.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's public API, as the console calls it: JSON documents in, each error turned
 * into an {@link ApiProblem} with the problem document the API sent (or one that says the
 * API could not be reached).
 */
@Component
public class GatewayApi {

	/** The type of the problem the console reports when the API did not answer. */
	public static final String UNREACHABLE = "urn:scenariohub:console:api-unreachable";

	private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	/** A version as the API's ETags carry it. */
	private static final Pattern VERSION = Pattern.compile("[0-9]{1,19}");

	private final WebClient http;

	private final String gateway;

	private final Duration timeout;

	public GatewayApi(WebClient.Builder builder, @Value("${console.gateway-url}") String gateway,
			@Value("${console.api-timeout:PT10S}") Duration timeout) {
		this.http = builder.build();
		this.gateway = gateway;
		this.timeout = timeout;
	}

	/**
	 * An anonymous {@code GET} of one document; query parameters without a value are left
	 * out.
	 */
	public Mono<Map<String, Object>> get(String path, Map<String, String> query, Locale locale) {
		return call(HttpMethod.GET, path, query, null, Map.of(), locale, null);
	}

	/** A {@code GET} of one document with the signed-in person's access token. */
	public Mono<Map<String, Object>> get(String path, Map<String, String> query, Locale locale, String accessToken) {
		return call(HttpMethod.GET, path, query, null, Map.of(), locale, accessToken);
	}

	/** A {@code GET} of a list of documents (an answer that is a JSON array). */
	public Mono<List<Map<String, Object>>> list(String path, Locale locale, String accessToken) {
		return list(path, Map.of(), locale, accessToken);
	}

	/** A {@code GET} of a list of documents, with query parameters. */
	public Mono<List<Map<String, Object>>> list(String path, Map<String, String> query, Locale locale,
			String accessToken) {
		return call(HttpMethod.GET, path, query, null, Map.of(), locale, accessToken, LIST).defaultIfEmpty(List.of());
	}

	/**
	 * A stream of Server-Sent Events with the signed-in person's access token, resumed
	 * after {@code lastEventId} when there is one. Not time-limited: it lasts as long as
	 * the API keeps it open; a refusal ends it with the problem.
	 */
	public Flux<ServerSentEvent<Map<String, Object>>> stream(String path, Locale locale, String accessToken,
			String lastEventId) {
		return this.http.get()
			.uri(UriComponentsBuilder.fromUriString(this.gateway).path(path).encode().build().toUri())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
			.headers(sent -> {
				sent.setBearerAuth(accessToken);
				if (lastEventId != null && !lastEventId.isBlank()) {
					sent.set("Last-Event-ID", lastEventId);
				}
			})
			.exchangeToFlux(response -> response.statusCode().is2xxSuccessful() ? response.bodyToFlux(EVENT)
					: GatewayApi.<ServerSentEvent<Map<String, Object>>>problem(response).flux())
			.onErrorMap(WebClientRequestException.class, failed -> unreachable(failed.getMessage()));
	}

	/**
	 * A {@code POST} with the signed-in person's access token; completes with the
	 * answer's document (empty when it has none).
	 */
	public Mono<Map<String, Object>> post(String path, Object body, Locale locale, String accessToken) {
		return post(path, body, Map.of(), locale, accessToken);
	}

	/**
	 * A create: a {@code POST} carrying the form's {@code Idempotency-Key} (made when the
	 * form was shown), so that sending the form twice creates one.
	 */
	public Mono<Map<String, Object>> create(String path, Object body, String idempotencyKey, Locale locale,
			String accessToken) {
		Map<String, String> headers = idempotencyKey == null || idempotencyKey.isBlank() ? Map.of()
				: Map.of("Idempotency-Key", idempotencyKey);
		return post(path, body, headers, locale, accessToken);
	}

	/** A {@code POST} with extra request headers. */
	public Mono<Map<String, Object>> post(String path, Object body, Map<String, String> headers, Locale locale,
			String accessToken) {
		return call(HttpMethod.POST, path, Map.of(), body, headers, locale, accessToken);
	}

	/**
	 * A transition or change of something last read at {@code version}: sent with
	 * {@code If-Match}, so that the API refuses it (412) when someone else changed it in
	 * the meantime.
	 */
	public Mono<Map<String, Object>> send(HttpMethod method, String path, Object body, String version, Locale locale,
			String accessToken) {
		if (version == null || version.isBlank()) {
			return call(method, path, Map.of(), body, Map.of(), locale, accessToken);
		}
		if (!VERSION.matcher(version).matches()) {
			return Mono.error(new ApiProblem(400, "urn:scenariohub:console:malformed-version", "Malformed version",
					"The form's version is not one the page showed; reload the page and try again", List.of()));
		}
		return call(method, path, Map.of(), body, Map.of(HttpHeaders.IF_MATCH, "\"" + version + "\""), locale,
				accessToken);
	}

	private Mono<Map<String, Object>> call(HttpMethod method, String path, Map<String, String> query, Object body,
			Map<String, String> headers, Locale locale, String accessToken) {
		return call(method, path, query, body, headers, locale, accessToken, DOCUMENT).defaultIfEmpty(Map.of());
	}

	private <T> Mono<T> call(HttpMethod method, String path, Map<String, String> query, Object body,
			Map<String, String> headers, Locale locale, String accessToken, ParameterizedTypeReference<T> answer) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(this.gateway).path(path);
		query.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				uri.queryParam(name, value);
			}
		});
		URI target = uri.encode().build().toUri();
		WebClient.RequestBodySpec request = this.http.method(method)
			.uri(target)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag());
		headers.forEach(request::header);
		if (accessToken != null) {
			request.headers(sent -> sent.setBearerAuth(accessToken));
		}
		WebClient.RequestHeadersSpec<?> ready = body == null ? request
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		return ready
			.exchangeToMono(response -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(answer)
					: GatewayApi.<T>problem(response))
			.timeout(this.timeout, Mono.error(() -> unreachable("no answer within " + this.timeout.toSeconds() + " s")))
			.onErrorMap(WebClientRequestException.class, failed -> unreachable(failed.getMessage()))
			.onErrorMap(ApiProblem.class, refused -> refused.status() == 401 && AccessTokens.expired(accessToken)
					? refused.ofExpiredToken() : refused);
	}

	private static <T> Mono<T> problem(ClientResponse response) {
		int status = response.statusCode().value();
		return response.bodyToMono(DOCUMENT)
			.onErrorResume(notJson -> Mono.empty())
			.defaultIfEmpty(Map.of())
			.flatMap(body -> Mono.error(new ApiProblem(status, text(body.get("type")),
					body.get("title") == null ? "HTTP " + status : text(body.get("title")), text(body.get("detail")),
					errors(body.get("errors")))));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Object errors) {
		return errors instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static ApiProblem unreachable(String why) {
		return new ApiProblem(503, UNREACHABLE, null, why, List.of());
	}

}
