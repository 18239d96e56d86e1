package dev.scenariohub.console.api;

import reactor.core.publisher.Mono;

/**
 * What the API answered for one part of a page: the value, or the problem that part shows
 * in its place (so that one refused list does not hide the rest of the page).
 */
public record Answer<T>(T value, ApiProblem problem) {

	/** The answer of {@code call}, its problem kept instead of failing the page. */
	public static <T> Mono<Answer<T>> of(Mono<T> call) {
		return call.map(value -> new Answer<T>(value, null))
			.onErrorResume(ApiProblem.class, refused -> Mono.just(new Answer<>(null, refused)));
	}

}
