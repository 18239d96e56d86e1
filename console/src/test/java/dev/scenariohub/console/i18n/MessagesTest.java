package dev.scenariohub.console.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's texts: every key once per language (a second one silently replaces the
 * first, changing a page that had nothing to do with it), and the same keys in both.
 */
class MessagesTest {

	private static List<String> keys(String bundle) throws IOException {
		try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
			List<String> keys = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
					keys.add(line.substring(0, line.indexOf('=')).trim());
				}
			}
			return keys;
		}
	}

	@Test
	void everyKeyIsDefinedOncePerLanguage() throws IOException {
		for (String bundle : List.of("messages", "messages_zh_CN")) {
			List<String> keys = keys(bundle);
			assertThat(keys.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
				.entrySet()
				.stream()
				.filter(entry -> entry.getValue() > 1)
				.map(entry -> entry.getKey())).as(bundle + ": keys defined more than once").isEmpty();
		}
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> english = new TreeSet<>(keys("messages"));
		Set<String> chinese = new TreeSet<>(keys("messages_zh_CN"));
		assertThat(chinese).as("in English, not in Chinese").containsAll(english);
		assertThat(english).as("in Chinese, not in English").containsAll(chinese);
		Properties loaded = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages.properties")) {
			loaded.load(in);
		}
		assertThat(loaded).as("the English bundle loads").isNotEmpty();
	}

}
