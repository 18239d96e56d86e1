package dev.scenariohub.console.i18n;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The console's language: the one asked for with {@code ?lang=} (remembered in a cookie),
 * else the one remembered, else the best match of the browser's {@code Accept-Language},
 * else Chinese. The console speaks zh-CN and English.
 */
public class ConsoleLocales implements LocaleContextResolver {

	public static final String PARAMETER = "lang";

	static final String COOKIE = "lang";

	public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		Locale asked = supported(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
		if (asked != null) {
			LocaleContext chosen = new SimpleLocaleContext(asked);
			setLocaleContext(exchange, chosen);
			return chosen;
		}
		HttpCookie remembered = exchange.getRequest().getCookies().getFirst(COOKIE);
		Locale kept = remembered == null ? null : supported(remembered.getValue());
		if (kept != null) {
			return new SimpleLocaleContext(kept);
		}
		// the browser's languages by preference; the first the console speaks wins
		return new SimpleLocaleContext(exchange.getRequest()
			.getHeaders()
			.getAcceptLanguage()
			.stream()
			.sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
			.map(range -> supported(range.getRange()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(Locale.SIMPLIFIED_CHINESE));
	}

	/**
	 * One of the console's languages for a tag such as {@code en} or {@code zh-CN}, or
	 * null.
	 */
	static Locale supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		Locale wanted = Locale.forLanguageTag(tag.trim());
		if (wanted.getLanguage().isEmpty()) {
			return null;
		}
		return SUPPORTED.stream()
			.filter(locale -> locale.getLanguage().equals(wanted.getLanguage()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Remembers a language the console speaks (in a cookie); any other, or none, forgets
	 * the choice, so the browser's languages apply again.
	 */
	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		Locale locale = localeContext == null || localeContext.getLocale() == null ? null
				: supported(localeContext.getLocale().toLanguageTag());
		exchange.getResponse()
			.addCookie(ResponseCookie.from(COOKIE, locale == null ? "" : locale.toLanguageTag())
				.path("/")
				.maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
				.httpOnly(true)
				.sameSite("Lax")
				.build());
	}

}
