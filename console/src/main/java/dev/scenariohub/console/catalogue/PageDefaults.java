package dev.scenariohub.console.catalogue;

import java.util.Locale;

import dev.scenariohub.console.i18n.ConsoleLocales;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs: formats, its language, and links to the other one. */
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

	/** This page in the other language (the choice is then remembered). */
	@ModelAttribute("otherLanguage")
	String otherLanguage(Locale locale, ServerWebExchange exchange) {
		String other = Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
				? Locale.SIMPLIFIED_CHINESE.toLanguageTag() : Locale.ENGLISH.toLanguageTag();
		var here = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replaceQueryParam(ConsoleLocales.PARAMETER, other)
			.build();
		return here.getPath() + "?" + here.getQuery();
	}

}
