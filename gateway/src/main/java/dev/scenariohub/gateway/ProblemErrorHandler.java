package dev.scenariohub.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own errors (no route, failures while routing) as problem documents too.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final JsonMapper json;

	public ProblemErrorHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		HttpStatusCode status = error instanceof ResponseStatusException rse ? rse.getStatusCode()
				: HttpStatus.BAD_GATEWAY;
		if (status.is5xxServerError()) {
			log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					error.toString());
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		String slug = known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
		String title = known == null ? "Error" : known.getReasonPhrase();
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "https://scenariohub.dev/problems/" + slug);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", status.value() == 404 ? "No such resource" : title);
		problem.put("instance", exchange.getRequest().getPath().value());
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
