package dev.scenariohub.enterprise.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene index in memory of one side of matching, scored the way {@link Fit} scores, so
 * that the best candidates come from the index instead of everything that shares
 * something with the other side. Changes are applied with their aggregate's version, and
 * a change not newer than the last applied one is ignored; they become visible to
 * searches at the next {@link #refresh()}.
 */
abstract class MatchIndex implements AutoCloseable {

	static {
		// a scenario's title, description and requirements (at most about 40,000
		// characters) hold at most 13,400 words of two letters or more; each is one
		// clause when the other side has it
		IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16_384));
	}

	static final String ID = "id";

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Version last applied per aggregate, indexed or not. */
	private final Map<String, Long> versions = new HashMap<>();

	private volatile int size;

	MatchIndex() {
		try {
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig());
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Indexes a document for an aggregate at a version, or removes the aggregate when
	 * {@code document} is null; false, changing nothing, when that version or a newer one
	 * was applied already.
	 */
	final synchronized boolean put(String id, long version, Document document) {
		if (!newer(id, version)) {
			return false;
		}
		try {
			if (document == null) {
				this.writer.deleteDocuments(new Term(ID, id));
			}
			else {
				document.add(new StringField(ID, id, Field.Store.YES));
				document.add(new SortedDocValuesField(ID, new BytesRef(id)));
				this.writer.updateDocument(new Term(ID, id), document);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/** Records a version as applied if it is newer than the last one. */
	final synchronized boolean newer(String id, long version) {
		Long applied = this.versions.get(id);
		if (applied != null && applied >= version) {
			return false;
		}
		this.versions.put(id, version);
		return true;
	}

	/** Makes what was applied visible to searches. */
	public final void refresh() {
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

	/** Documents searchable now. */
	public final int size() {
		return this.size;
	}

	/**
	 * The best {@code n} documents by score, then by id; {@code query} builds the query
	 * against the current searcher, or answers null for no candidates at all.
	 */
	final <T> List<T> best(QueryBuilder query, int n, Function<Document, T> map) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				Query built = query.build(searcher);
				if (built == null) {
					return List.of();
				}
				Sort bestFirst = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
				List<T> found = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(built, n, bestFirst, false).scoreDocs) {
					T item = map.apply(searcher.storedFields().document(hit.doc));
					if (item != null) {
						found.add(item);
					}
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

	/** A query against the searcher in use. */
	@FunctionalInterface
	interface QueryBuilder {

		Query build(IndexSearcher searcher) throws IOException;

	}

	static Query constant(Query query, double score) {
		return new BoostQuery(new ConstantScoreQuery(query), (float) score);
	}

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

}
