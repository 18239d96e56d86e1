package dev.scenariohub.console.i18n;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLocalesTest {

	private static ResponseCookie cookieAfter(Locale locale) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/scenarios"));
		new ConsoleLocales().setLocaleContext(exchange, new SimpleLocaleContext(locale));
		return exchange.getResponse().getCookies().getFirst("lang");
	}

	@Test
	void aLanguageTheConsoleSpeaksIsRememberedForAYear() {
		ResponseCookie cookie = cookieAfter(Locale.US);
		assertThat(cookie.getValue()).isEqualTo("en");
		assertThat(cookie.getMaxAge().toDays()).isEqualTo(365);
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	@Test
	void anyOtherOrNoneForgetsTheChoice() {
		assertThat(cookieAfter(Locale.FRENCH).getMaxAge()).isZero();
		assertThat(cookieAfter(null).getMaxAge()).isZero();
	}

}
