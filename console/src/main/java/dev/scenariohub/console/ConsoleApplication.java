package dev.scenariohub.console;

import dev.scenariohub.console.i18n.ConsoleLocales;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The console: the web application officers, reviewers, enterprises and the public work
 * in. It renders pages on the server from what the gateway's public API answers, and
 * holds no business rules of its own.
 */
@SpringBootApplication
public class ConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

	/** zh-CN or English, from {@code ?lang=}, a cookie or the browser. */
	@Bean
	LocaleContextResolver localeContextResolver() {
		return new ConsoleLocales();
	}

}
