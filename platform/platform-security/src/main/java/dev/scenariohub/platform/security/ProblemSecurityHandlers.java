package dev.scenariohub.platform.security;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem documents, like every other error of the API. */
public final class ProblemSecurityHandlers {

	private ProblemSecurityHandlers() {
	}

	public static ServerAuthenticationEntryPoint unauthorized() {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"A valid bearer token is required");
		};
	}

	public static ServerAccessDeniedHandler forbidden() {
		return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your roles do not allow this request");
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"https://scenariohub.dev/problems/%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"instance\":\"%s\"}"
			.formatted(slug, title, status.value(), detail,
					exchange.getRequest().getPath().value().replace("\\", "").replace("\"", ""));
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
