package dev.scenariohub.enterprise.text;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words of a text as matching compares them: lower case, letters and digits, no stop
 * words, a plural's trailing "s" dropped. Scenarios and enterprises store theirs, so that
 * the store's index finds candidates instead of a scan of everything.
 */
public final class Words {

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Set<String> STOP = Set.of("a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by",
			"or", "at", "from", "is", "are", "be", "as", "ai");

	private Words() {
	}

	public static Set<String> of(String text) {
		Set<String> words = new TreeSet<>();
		for (String word : SEPARATORS.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
			if (word.length() > 1 && !STOP.contains(word)) {
				words.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
			}
		}
		return words;
	}

	/** The words of several texts, as a list to store. */
	public static List<String> of(Collection<String> texts) {
		return List.copyOf(of(String.join(" ", texts == null ? List.of() : texts)));
	}

}
