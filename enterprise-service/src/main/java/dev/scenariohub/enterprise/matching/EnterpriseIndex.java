package dev.scenariohub.enterprise.matching;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.text.Words;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * The verified enterprises, for finding the best enterprises for a scenario. Each is one
 * document: its capabilities as terms, scored as a constant {@link Fit#CAPABILITIES}/(the
 * scenario's required capabilities) each; sector experience as a constant
 * {@link Fit#SECTOR} on its id; each core-technology word as a {@link FeatureField} worth
 * {@link Fit#TEXT}/(its words), which Lucene keeps to about 3 significant digits. The
 * index therefore ranks by Fit's score to within a few tenths, and its caller re-scores a
 * margin of extra candidates exactly.
 */
@Component
public final class EnterpriseIndex extends MatchIndex {

	/** What matching needs of a verified enterprise. */
	public record Entry(String id, String name, String category, List<String> capabilities,
			List<String> coreTechnologies) {

		public static Entry of(EnterpriseState e) {
			return new Entry(e.id(), e.name(), e.category().name(), e.capabilities(), e.coreTechnologies());
		}

	}

	private static final String CAPABILITY = "capability";

	private static final String CATEGORY = "category";

	private static final String WORD = "word";

	private static final String NAME = "name";

	private static final String CORE = "core";

	/**
	 * Applies an enterprise at a version: indexed while {@code verified} is non-null,
	 * removed otherwise. Returns false, changing nothing, when that version or a newer
	 * one was applied already.
	 */
	public boolean apply(String id, long version, Entry verified) {
		return put(id, version, verified == null ? null : document(verified));
	}

	/**
	 * The best {@code n} enterprises for a scenario, by Fit's score as the index
	 * approximates it, then by id: those of an eligible category (any, if none are named)
	 * that have a required capability, a core-technology word among the scenario's words,
	 * or experience in its sector.
	 */
	public List<Entry> candidates(Collection<String> required, Set<String> scenarioWords, Set<String> experienced,
			Collection<String> eligibleCategories, int n) {
		return best(searcher -> {
			BooleanQuery.Builder fit = new BooleanQuery.Builder();
			Set<String> requiredSet = new LinkedHashSet<>(required);
			for (String capability : requiredSet) {
				fit.add(constant(new TermQuery(new Term(CAPABILITY, capability)),
						Fit.CAPABILITIES / requiredSet.size()), Occur.SHOULD);
			}
			if (!experienced.isEmpty()) {
				fit.add(constant(new TermInSetQuery(ID, experienced.stream().map(BytesRef::new).toList()), Fit.SECTOR),
						Occur.SHOULD);
			}
			BooleanQuery.Builder words = new BooleanQuery.Builder();
			int used = 0;
			for (String word : scenarioWords) {
				// only words some enterprise has: a long description stays a short query
				if (searcher.getIndexReader().docFreq(new Term(WORD, word)) > 0) {
					words.add(FeatureField.newLinearQuery(WORD, word, 1f), Occur.SHOULD);
					used++;
				}
			}
			if (used > 0) {
				fit.add(words.build(), Occur.SHOULD);
			}
			if (requiredSet.isEmpty() && experienced.isEmpty() && used == 0) {
				return null;
			}
			fit.setMinimumNumberShouldMatch(1);
			if (eligibleCategories != null && !eligibleCategories.isEmpty()) {
				fit.add(new TermInSetQuery(CATEGORY, eligibleCategories.stream().map(BytesRef::new).toList()),
						Occur.FILTER);
			}
			return fit.build();
		}, n, EnterpriseIndex::entry);
	}

	private static Document document(Entry e) {
		Document doc = new Document();
		doc.add(new StringField(CATEGORY, e.category(), Field.Store.YES));
		doc.add(new StoredField(NAME, e.name()));
		for (String capability : new LinkedHashSet<>(e.capabilities())) {
			doc.add(new StringField(CAPABILITY, capability, Field.Store.YES));
		}
		for (String core : e.coreTechnologies()) {
			doc.add(new StoredField(CORE, core));
		}
		Set<String> words = Words.of(String.join(" ", e.coreTechnologies()));
		for (String word : words) {
			doc.add(new FeatureField(WORD, word, (float) (Fit.TEXT / words.size())));
		}
		return doc;
	}

	private static Entry entry(Document doc) {
		return new Entry(doc.get(ID), doc.get(NAME), doc.get(CATEGORY), List.of(doc.getValues(CAPABILITY)),
				List.of(doc.getValues(CORE)));
	}

}
