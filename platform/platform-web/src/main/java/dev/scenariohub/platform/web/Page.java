package dev.scenariohub.platform.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list: the items and, when there may be more, the cursor and link of the
 * next.
 */
public record Page<T>(List<T> items, String nextCursor, String next) {

	/**
	 * Builds a page from {@code limit + 1} fetched items: the extra one only tells that a
	 * next page exists.
	 * @param keyOf the sort key of an item (wrapped into the cursor)
	 * @param linkOf the next page's link for a cursor
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> keyOf,
			Function<String, String> linkOf) {
		if (fetched.size() <= limit) {
			return new Page<>(fetched, null, null);
		}
		List<T> items = fetched.subList(0, limit);
		String cursor = Cursors.encode(keyOf.apply(items.get(items.size() - 1)));
		return new Page<>(List.copyOf(items), cursor, linkOf.apply(cursor));
	}

	/**
	 * Next-page links for a list request: the same path and filters, the page size, and
	 * the next cursor in place of the current one.
	 */
	public static Function<String, String> nextLinks(ServerHttpRequest request, int limit) {
		return cursor -> UriComponentsBuilder.fromPath(request.getURI().getRawPath())
			.query(request.getURI().getRawQuery())
			.replaceQueryParam("limit", limit)
			.replaceQueryParam("cursor", cursor)
			.build(true)
			.toUriString();
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.nextCursor, this.next);
	}
}
