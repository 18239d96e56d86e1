package dev.scenariohub.enterprise.enterprise;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.ValidationProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Checks a unified social credit code while someone types it, by the same rule a
 * registration is judged by, without registering anything or saying whether the code is
 * registered already.
 */
@Tag(name = "Enterprises")
@RestController
public class CreditCodeCheckController {

	/**
	 * What the rule says of a code: {@code problem} is {@code WRONG_LENGTH},
	 * {@code INVALID_CHARACTER} or {@code WRONG_CHECK_CHARACTER} (a well-formed code a
	 * registration takes only when the applicant says the code is real), or absent when
	 * the code is valid.
	 */
	@Schema(name = "CreditCodeCheck")
	public record Check(String creditCode, boolean valid, CreditCode.Problem problem) {
	}

	@Operation(operationId = "checkCreditCode",
			summary = "Check a unified social credit code as it is typed, without registering anything",
			security = @SecurityRequirement(name = "bearer", scopes = { Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN }))
	@GetMapping("/api/v1/enterprises/credit-code-check")
	Mono<Check> check(@RequestParam String code) {
		if (code.length() > 64) {
			throw ValidationProblem.of("code", "must be at most 64 characters");
		}
		String typed = code.strip();
		CreditCode.Problem problem = CreditCode.problemWith(typed);
		return Mono.just(new Check(typed, problem == null, problem));
	}

}
