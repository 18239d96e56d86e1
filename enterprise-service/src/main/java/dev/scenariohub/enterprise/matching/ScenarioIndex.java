package dev.scenariohub.enterprise.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.ScenarioPublishedPayload;
import dev.scenariohub.enterprise.text.Words;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * The open scenarios, for finding the best scenarios for an enterprise. Each is one
 * document: its required capabilities as {@link FeatureField}s worth
 * {@link Fit#CAPABILITIES}/(required capabilities) each (about 3 significant digits), its
 * sector scored as a constant {@link Fit#SECTOR} when the enterprise has applied in it,
 * the words of its text as terms scored as a constant {@link Fit#TEXT}/(the enterprise's
 * core-technology words) each; eligible categories and the end of the window filter.
 */
@Component
public final class ScenarioIndex extends MatchIndex {

	/** What matching needs of an open scenario. */
	public record Entry(String id, String title, String sector, List<String> requiredCapabilities,
			List<String> eligibleCategories, Instant closesAt, Set<String> words) {

		public Entry {
			requiredCapabilities = requiredCapabilities == null ? List.of() : List.copyOf(requiredCapabilities);
			eligibleCategories = eligibleCategories == null ? List.of() : List.copyOf(eligibleCategories);
		}

		public static Entry of(KnownScenario s) {
			return new Entry(s.id(), s.title(), s.sector(), s.requiredCapabilities(), s.eligibleCategories(),
					s.closesAt(), wordsOf(s.title(), s.description(), s.requirements()));
		}

		public static Entry of(ScenarioPublishedPayload s) {
			return new Entry(s.scenarioId(), s.title(), s.sector(), s.requiredCapabilities(), s.eligibleCategories(),
					s.closesAt(), wordsOf(s.title(), s.description(), s.requirements()));
		}

		private static Set<String> wordsOf(String... texts) {
			return Words.of(String.join(" ", Arrays.stream(texts).map(t -> t == null ? "" : t).toList()));
		}

		Entry closingAt(Instant newEnd) {
			return new Entry(this.id, this.title, this.sector, this.requiredCapabilities, this.eligibleCategories,
					newEnd, this.words);
		}

		/** Open to an enterprise of this category at this instant. */
		public boolean admits(String category, Instant now) {
			return (this.eligibleCategories.isEmpty() || this.eligibleCategories.contains(category))
					&& (this.closesAt == null || this.closesAt.isAfter(now));
		}

	}

	private static final String ANY = "*";

	private static final String CAPABILITY = "capability";

	private static final String SECTOR = "sector";

	private static final String WORD = "word";

	private static final String ELIGIBLE = "eligible";

	private static final String CLOSES = "closes";

	private final Map<String, Entry> open = new ConcurrentHashMap<>();

	/** The sector of every scenario seen, open or not (for sector experience). */
	private final Map<String, String> sectors = new ConcurrentHashMap<>();

	/** Remembers the sector of a scenario, whatever its status. */
	public void knowSector(String id, String sector) {
		if (sector != null) {
			this.sectors.put(id, sector);
		}
	}

	/** The sector of a scenario seen, open or not; null if unknown. */
	public String sectorOf(String id) {
		return this.sectors.get(id);
	}

	/** The ids of the scenarios seen in a sector, open or not. */
	public List<String> idsInSector(String sector) {
		return this.sectors.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(sector))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * Applies a scenario at a version: indexed while {@code open} is non-null, removed
	 * otherwise; false, changing nothing, when that version or a newer one was applied.
	 */
	public synchronized boolean apply(String id, long version, Entry open) {
		if (!put(id, version, open == null ? null : document(open))) {
			return false;
		}
		if (open == null) {
			this.open.remove(id);
		}
		else {
			this.open.put(id, open);
		}
		return true;
	}

	/**
	 * A lifecycle step at a version: a scenario no longer OPEN leaves the index; an open
	 * one whose window changed is indexed with its new end.
	 */
	public synchronized boolean applyStatus(String id, long version, String status, Instant closesAt) {
		Entry known = this.open.get(id);
		if (!"OPEN".equals(status)) {
			return apply(id, version, null);
		}
		if (known == null || closesAt == null) {
			return newer(id, version);
		}
		return apply(id, version, known.closingAt(closesAt));
	}

	/**
	 * The best {@code n} open scenarios for an enterprise, by Fit's score as the index
	 * approximates it, then by id: those open to its category at {@code now} that require
	 * one of its capabilities, are in a sector it has applied in, or use one of its
	 * core-technology words.
	 */
	public List<Entry> candidates(Collection<String> capabilities, Set<String> sectors, Set<String> technologyWords,
			String category, Instant now, int n) {
		List<Entry> found = best(searcher -> {
			BooleanQuery.Builder fit = new BooleanQuery.Builder();
			int clauses = 0;
			for (String capability : new LinkedHashSet<>(capabilities)) {
				fit.add(FeatureField.newLinearQuery(CAPABILITY, capability, 1f), Occur.SHOULD);
				clauses++;
			}
			if (!sectors.isEmpty()) {
				fit.add(constant(new TermInSetQuery(SECTOR, sectors.stream().map(BytesRef::new).toList()), Fit.SECTOR),
						Occur.SHOULD);
				clauses++;
			}
			for (String word : technologyWords) {
				fit.add(constant(new TermQuery(new Term(WORD, word)), Fit.TEXT / technologyWords.size()), Occur.SHOULD);
				clauses++;
			}
			if (clauses == 0) {
				return null;
			}
			fit.setMinimumNumberShouldMatch(1);
			fit.add(new TermInSetQuery(ELIGIBLE, List.of(new BytesRef(ANY), new BytesRef(category))), Occur.FILTER);
			fit.add(LongPoint.newRangeQuery(CLOSES, now.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER);
			return fit.build();
		}, n, doc -> this.open.get(doc.get(ID)));
		return found.stream().filter(s -> s.admits(category, now)).toList();
	}

	private static Document document(Entry s) {
		Document doc = new Document();
		Set<String> required = new LinkedHashSet<>(s.requiredCapabilities());
		for (String capability : required) {
			doc.add(new FeatureField(CAPABILITY, capability, (float) (Fit.CAPABILITIES / required.size())));
		}
		if (s.sector() != null) {
			doc.add(new StringField(SECTOR, s.sector(), Field.Store.NO));
		}
		for (String word : s.words()) {
			doc.add(new StringField(WORD, word, Field.Store.NO));
		}
		if (s.eligibleCategories().isEmpty()) {
			doc.add(new StringField(ELIGIBLE, ANY, Field.Store.NO));
		}
		for (String category : s.eligibleCategories()) {
			doc.add(new StringField(ELIGIBLE, category, Field.Store.NO));
		}
		doc.add(new LongPoint(CLOSES, s.closesAt() == null ? Long.MAX_VALUE : s.closesAt().toEpochMilli()));
		return doc;
	}

}
