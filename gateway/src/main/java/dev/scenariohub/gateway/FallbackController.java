package dev.scenariohub.gateway;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a client gets when a service is down, slow, or its circuit is open. */
@RestController
public class FallbackController {

	@RequestMapping("/fallback/{service}")
	Mono<ResponseEntity<ProblemDetail>> unavailable(@PathVariable String service) {
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
