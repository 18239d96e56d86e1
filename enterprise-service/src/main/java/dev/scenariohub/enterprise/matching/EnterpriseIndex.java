package dev.scenariohub.enterprise.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.text.Words;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * The verified enterprises as a Lucene index in memory, scored the way {@link Fit} scores
 * them, so that the enterprises for a scenario are the best few the index ranks instead
 * of every enterprise that shares something with it.
 *
 * <p>
 * Each enterprise is one document: its capabilities as terms, scored as a constant
 * {@link Fit#CAPABILITIES}/(required capabilities) each; sector experience as a constant
 * {@link Fit#SECTOR} on its id; each core-technology word as a {@link FeatureField} worth
 * {@link Fit#TEXT}/(its words), which Lucene keeps to about 3 significant digits. The
 * index therefore ranks by Fit's score to within a few hundredths, and its caller
 * re-scores a margin of extra candidates exactly. Changes are applied by one writer with
 * the enterprise's version, and a change not newer than the last applied one is ignored.
 * </p>
 */
@Component
public final class EnterpriseIndex implements AutoCloseable {

	/** What matching needs of a verified enterprise. */
	public record Entry(String id, String name, String category, List<String> capabilities,
			List<String> coreTechnologies) {

		public static Entry of(EnterpriseState e) {
			return new Entry(e.id(), e.name(), e.category().name(), e.capabilities(), e.coreTechnologies());
		}

	}

	private static final String ID = "id";

	private static final String CAPABILITY = "capability";

	private static final String CATEGORY = "category";

	private static final String WORD = "word";

	private static final String NAME = "name";

	private static final String CORE = "core";

	static {
		// a scenario's title, description and requirements (at most about 40,000
		// characters) hold at most 13,400 words of two letters or more; each is one
		// clause when some enterprise has it
		IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16_384));
	}

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/**
	 * Version last applied per enterprise, verified or not; only the writer touches it.
	 */
	private final Map<String, Long> versions = new HashMap<>();

	private volatile int size;

	public EnterpriseIndex() {
		try {
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig());
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Applies an enterprise at a version: indexed while {@code verified} is non-null,
	 * removed otherwise. Returns false, changing nothing, when that version or a newer
	 * one was applied already. Not visible to searches before {@link #refresh()}.
	 */
	public synchronized boolean apply(String id, long version, Entry verified) {
		Long applied = this.versions.get(id);
		if (applied != null && applied >= version) {
			return false;
		}
		this.versions.put(id, version);
		try {
			if (verified == null) {
				this.writer.deleteDocuments(new Term(ID, id));
			}
			else {
				this.writer.updateDocument(new Term(ID, id), document(verified));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/** Makes what was applied visible to searches. */
	public void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
			IndexSearcher searcher = this.searchers.acquire();
			try {
				this.size = searcher.getIndexReader().numDocs();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Verified enterprises searchable now. */
	public int size() {
		return this.size;
	}

	/**
	 * The best {@code n} enterprises for a scenario, by Fit's score as the index
	 * approximates it, then by id: those of an eligible category (any, if none are named)
	 * that have a required capability, a core-technology word among the scenario's words,
	 * or experience in its sector.
	 */
	public List<Entry> candidates(Collection<String> required, Set<String> scenarioWords, Set<String> experienced,
			Collection<String> eligibleCategories, int n) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				Query query = query(searcher, required, scenarioWords, experienced, eligibleCategories);
				if (query == null) {
					return List.of();
				}
				Sort bestFirst = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
				List<Entry> found = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(query, n, bestFirst, false).scoreDocs) {
					found.add(entry(searcher.storedFields().document(hit.doc)));
				}
				return found;
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Query query(IndexSearcher searcher, Collection<String> required, Set<String> scenarioWords,
			Set<String> experienced, Collection<String> eligibleCategories) throws IOException {
		BooleanQuery.Builder fit = new BooleanQuery.Builder();
		Set<String> requiredSet = new LinkedHashSet<>(required);
		for (String capability : requiredSet) {
			fit.add(constant(new TermQuery(new Term(CAPABILITY, capability)), Fit.CAPABILITIES / requiredSet.size()),
					Occur.SHOULD);
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
	}

	private static Query constant(Query query, double score) {
		return new BoostQuery(new ConstantScoreQuery(query), (float) score);
	}

	private static Document document(Entry e) {
		Document doc = new Document();
		doc.add(new StringField(ID, e.id(), Field.Store.YES));
		doc.add(new SortedDocValuesField(ID, new BytesRef(e.id())));
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

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

}
