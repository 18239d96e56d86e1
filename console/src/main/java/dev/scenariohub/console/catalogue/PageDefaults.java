package dev.scenariohub.console.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scenariohub.console.i18n.ConsoleLocales;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: formats, its language and a link to the page in the
 * other one, who is signed in, and the CSRF token its forms carry.
 */
@ControllerAdvice
public class PageDefaults {

	@ModelAttribute("fmt")
	Formats formats(Locale locale) {
		return new Formats(locale);
	}

	@ModelAttribute("lang")
	String language(Locale locale) {
		return locale.toLanguageTag();
	}

	@ModelAttribute("otherLanguage")
	String otherLanguage(Locale locale, ServerWebExchange exchange) {
		return otherLanguageOf(locale, exchange);
	}

	@ModelAttribute("user")
	Mono<Map<String, Object>> user() {
		return signedIn();
	}

	/**
	 * Resolves the CSRF token, so that Spring Security's request data value processor
	 * puts it into every form the page has ({@code th:action}).
	 */
	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		return csrfOf(exchange);
	}

	/**
	 * The layout's attributes, for pages rendered outside a handler's model (a problem).
	 */
	static Mono<Map<String, Object>> of(Locale locale, ServerWebExchange exchange) {
		Map<String, Object> model = new HashMap<>();
		model.put("fmt", new Formats(locale));
		model.put("lang", locale.toLanguageTag());
		model.put("otherLanguage", otherLanguageOf(locale, exchange));
		return signedIn().doOnNext(user -> model.put("user", user))
			.then(csrfOf(exchange).doOnNext(token -> model.put("_csrf", token)))
			.then(Mono.fromSupplier(() -> model));
	}

	private static String otherLanguageOf(Locale locale, ServerWebExchange exchange) {
		String other = Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
				? Locale.SIMPLIFIED_CHINESE.toLanguageTag() : Locale.ENGLISH.toLanguageTag();
		var here = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replaceQueryParam(ConsoleLocales.PARAMETER, other)
			.build();
		return here.getPath() + "?" + here.getQuery();
	}

	/** The signed-in person's name and roles, from the issuer's ID token. */
	private static Mono<Map<String, Object>> signedIn() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Authentication::getPrincipal)
			.filter(OidcUser.class::isInstance)
			.cast(OidcUser.class)
			.map(user -> {
				List<String> roles = user.getClaimAsStringList("roles");
				return Map.<String, Object>of("name", user.getSubject(), "roles", roles == null ? List.of() : roles);
			});
	}

	private static Mono<CsrfToken> csrfOf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

}
