package dev.scenariohub.console.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.api.ApiProblem;
import dev.scenariohub.console.api.GatewayApi;
import dev.scenariohub.console.api.PathIds;
import dev.scenariohub.console.api.Vocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The public catalogue, for everyone and without sign-in: open scenarios with search and
 * filters, a page per scenario (its support, window and rubric) and per program, and the
 * public change feed. Every page shows what the gateway's API answers, its problems
 * included.
 */
@Controller
public class CatalogueController {

	static final int PAGE_SIZE = 20;

	private final GatewayApi api;

	public CatalogueController(GatewayApi api) {
		this.api = api;
	}

	@GetMapping("/")
	Rendering home() {
		return Rendering.redirectTo("/scenarios").build();
	}

	@GetMapping("/scenarios")
	Mono<Rendering> scenarios(@RequestParam(required = false) String sector,
			@RequestParam(required = false) String capability, @RequestParam(required = false) String q,
			@RequestParam(required = false) String programId, @RequestParam(required = false) String cursor,
			Locale locale) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("q", q);
		filters.put("sector", sector);
		filters.put("capability", capability);
		filters.put("programId", programId);
		Map<String, String> query = new LinkedHashMap<>(filters);
		query.put("status", "OPEN");
		query.put("limit", Integer.toString(PAGE_SIZE));
		query.put("cursor", cursor);
		Mono<Map<String, Object>> programs = this.api.get("/api/v1/programs", Map.of("limit", "100"), locale)
			// the filter's choices are a convenience: the list still shows without them
			.onErrorResume(ApiProblem.class, unavailable -> Mono.just(Map.of("items", List.of())));
		Mono<Map<String, Object>> listed = this.api.get("/api/v1/scenarios", query, locale).map(page -> {
			filters.put("cursor", (String) page.get("nextCursor"));
			return Map.<String, Object>of("page", page);
		})
			.onErrorResume(ApiProblem.class,
					problem -> Mono.just(Map.of("page", Map.of("items", List.of()), "problem", problem)));
		return listed.zipWith(programs, (model, choices) -> {
			Rendering.Builder<?> view = Rendering.view("scenarios")
				.model(model)
				.modelAttribute("programs", choices.get("items"))
				.modelAttribute("filters", filters)
				.modelAttribute("more", more("/scenarios", filters))
				.modelAttribute("sectors", Vocabulary.SECTORS);
			if (model.get("problem") instanceof ApiProblem problem) {
				view.status(HttpStatus.valueOf(problem.status()));
			}
			return view.build();
		});
	}

	@GetMapping("/scenarios/{id}")
	Mono<Rendering> scenario(@PathVariable String id, Locale locale) {
		return this.api.get("/api/v1/scenarios/" + PathIds.checked(id), Map.of(), locale)
			.flatMap(scenario -> program(scenario.get("programId"), locale).map(program -> Rendering.view("scenario")
				.modelAttribute("scenario", scenario)
				.modelAttribute("program", program)
				.build()));
	}

	@GetMapping("/programs/{id}")
	Mono<Rendering> program(@PathVariable String id, @RequestParam(required = false) String cursor, Locale locale) {
		String programId = PathIds.checked(id);
		return this.api.get("/api/v1/programs/" + id, Map.of(), locale)
			.zipWith(this.api.get("/api/v1/scenarios",
					Map.of("programId", programId, "limit", Integer.toString(PAGE_SIZE), "cursor",
							cursor == null ? "" : cursor),
					locale))
			.map(both -> Rendering.view("program")
				.modelAttribute("program", both.getT1())
				.modelAttribute("page", both.getT2())
				.build());
	}

	@GetMapping("/feed")
	Mono<Rendering> feed(@RequestParam(required = false) String after, Locale locale) {
		return this.api
			.get("/api/v1/feed", Map.of("limit", Integer.toString(PAGE_SIZE), "after", after == null ? "" : after),
					locale)
			.map(page -> Rendering.view("feed").modelAttribute("page", page).build());
	}

	/**
	 * The address of the next page with the same filters, or null when there is none.
	 */
	private static String more(String path, Map<String, String> filters) {
		if (filters.get("cursor") == null) {
			return null;
		}
		UriComponentsBuilder next = UriComponentsBuilder.fromPath(path);
		filters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				next.queryParam(name, value);
			}
		});
		return next.encode().build().toUriString();
	}

	/** The program a scenario belongs to, or an empty one when it cannot be read. */
	private Mono<Map<String, Object>> program(Object id, Locale locale) {
		if (!PathIds.plausible(id)) {
			return Mono.just(Map.of());
		}
		return this.api.get("/api/v1/programs/" + id, Map.of(), locale)
			.onErrorResume(ApiProblem.class, unavailable -> Mono.just(Map.of()));
	}

}
