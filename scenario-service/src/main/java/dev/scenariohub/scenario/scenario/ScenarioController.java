package dev.scenariohub.scenario.scenario;

import java.net.URI;

import dev.scenariohub.platform.security.Roles;
import dev.scenariohub.platform.web.Cursors;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.IdempotencyKeys;
import dev.scenariohub.platform.web.Page;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** HTTP for scenarios: map, validate, delegate. */
@RestController
@RequestMapping("/api/v1/scenarios")
public class ScenarioController {

	private final ScenarioService scenarios;

	private final IdempotencyKeys idempotency;

	public ScenarioController(ScenarioService scenarios, IdempotencyKeys idempotency) {
		this.scenarios = scenarios;
		this.idempotency = idempotency;
	}

	@PostMapping
	Mono<ResponseEntity<ScenarioView>> create(@Valid @RequestBody CreateScenarioRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Jwt officer) {
		return this.idempotency.once(officer.getSubject(), idempotencyKey, request, ScenarioView.class,
				() -> this.scenarios.create(request, officer.getSubject())
					.map(view -> ResponseEntity.created(URI.create("/api/v1/scenarios/" + view.id()))
						.eTag(ETags.of(view.version()))
						.body(view)));
	}

	@GetMapping
	Mono<Page<ScenarioView>> list(@RequestParam(required = false) ScenarioStatus status,
			@RequestParam(required = false) Sector sector, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, Authentication caller) {
		int size = Cursors.limit(limit);
		String after = Cursors.decode(cursor);
		return this.scenarios.list(status, sector, isOfficer(caller), after, size + 1)
			.collectList()
			.map(fetched -> Page.of(fetched, size, ScenarioView::id, next -> UriComponentsBuilder
				.fromPath("/api/v1/scenarios")
				.queryParamIfPresent("status", java.util.Optional.ofNullable(status))
				.queryParamIfPresent("sector", java.util.Optional.ofNullable(sector))
				.queryParam("limit", size)
				.queryParam("cursor", next)
				.build()
				.toUriString()));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<ScenarioView>> get(@PathVariable String id, Authentication caller) {
		return this.scenarios.get(id, isOfficer(caller))
			.map(view -> ResponseEntity.ok().eTag(ETags.of(view.version())).body(view));
	}

	@PostMapping("/{id}/publish")
	Mono<ResponseEntity<ScenarioView>> publish(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return this.scenarios.publish(id, ifMatch)
			.map(view -> ResponseEntity.ok().eTag(ETags.of(view.version())).body(view));
	}

	static boolean isOfficer(Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.OFFICER)));
	}
}
