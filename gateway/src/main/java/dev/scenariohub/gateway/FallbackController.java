package dev.scenariohub.gateway;

import java.net.URI;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What a client gets when a service is down, slow, or its circuit is open. */
@RestController
public class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	@RequestMapping("/fallback/{service}")
	Mono<ResponseEntity<ProblemDetail>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause instanceof CallNotPermittedException) {
			log.debug("{} refused: its circuit is open", service);
		}
		else {
			// why a client got 503: refused or dropped connection, timeout, or a 5xx
			log.warn("{} did not answer {} {}: {}", service, exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), cause == null ? "no cause recorded" : cause.toString());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, service
				+ " is not answering right now; retry later (a write you sent may or may not have been applied: retry with the same Idempotency-Key)");
		problem.setType(URI.create("https://scenariohub.dev/problems/service-unavailable"));
		problem.setTitle("Service unavailable");
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem));
	}

}
