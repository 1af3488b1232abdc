package jp.kyodo.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index itself: one {@link IndexWriter} and a near-real-time {@link SearcherManager} over one directory.
 * Every write is committed (so that an indexed event is never lost in a crash) and refreshed (so that the next search
 * sees it). Thread-safe.
 */
final class LuceneIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    // Raise when the fields or their analysis change: an index built otherwise is then recreated at start-up and
    // refilled from the search sources.
    static final String SCHEMA_VERSION = "2";
    private static final String SCHEMA_KEY = "kyodo.search.schema";

    private static final String KEY = "key";
    private static final String TYPE = "type";
    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String URL = "url";
    private static final String TEXT = "text";
    private static final String UPDATED = "updated";
    private static final String TITLE_ORDER = "title_order";
    private static final String WORDS = "words";
    private static final String PAIRS = "pairs";
    private static final String TITLE_PAIRS = "title_pairs";
    private static final String READING = "reading";
    private static final String FACET = "facet.";
    // For suggestions: the reading of each word written with kanji, that reading with the word (ボウサイ␟防災), the word.
    private static final String SPELL_READING = "spell_reading";
    private static final String READING_SURFACE = "reading_surface";
    private static final String SPELL_SURFACE = "spell_surface";
    private static final char SEPARATOR = '\u001f';
    private static final int MAX_SUGGESTIONS = 3;

    // Words typed are cut at these limits, so that a pasted essay cannot make a query of thousands of clauses.
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_WORDS = 10;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Z}\\p{P}\\p{S}]+");
    private static final int MAX_TITLE_ORDER_LENGTH = 200;

    private final Directory directory;
    private final SearchSettings settings;
    private final JapaneseText japanese = new JapaneseText();

    /** The content words of a text (Kuromoji base forms, two characters or more, not bare kana or numbers), once each. */
    List<String> keywords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return japanese.words(text).stream()
                .filter(w -> w.codePointCount(0, w.length()) >= 2 && !w.matches("[\\p{IsHiragana}ー]+") && !w.matches("[0-9a-z.,]+"))
                .distinct().toList();
    }
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneIndex(Directory directory, SearchSettings settings) {
        this.directory = directory;
        this.settings = settings;
        try {
            Analyzer analyzer = new PerFieldAnalyzerWrapper(japanese.pairAnalyzer(),
                    Map.of(WORDS, japanese.wordAnalyzer()));
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(isCurrent(directory) ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
            writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the search index in " + directory, e);
        }
    }

    private static boolean isCurrent(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        try {
            String version = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
            if (SCHEMA_VERSION.equals(version)) {
                return true;
            }
            log.info("The search index in {} was built with schema {}; it is recreated with schema {} and refilled",
                    directory, version, SCHEMA_VERSION);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("The search index in {} cannot be read ({}); it is recreated and refilled", directory, e.toString());
        }
        return false;
    }

    void put(SearchDocument document) {
        write(() -> writer.updateDocument(key(document.type(), document.id()), toLucene(document)));
    }

    void remove(String type, String id) {
        write(() -> writer.deleteDocuments(key(type, id)));
    }

    /** Replaces every document of the type at once: a search sees either the old set or the new one. */
    /** The field marking the documents of one rebuild of a type (see {@link #replaceType(String, java.util.stream.Stream)}). */
    private static final String GENERATION = "_generation";

    void replaceType(String type, List<SearchDocument> documents) {
        replaceType(type, documents.stream());
    }

    /**
     * Replaces every document of a type with those of the stream, read one at a time (a large registry's documents
     * never sit in memory together; the writer flushes as it goes). The new documents carry a generation of their own;
     * the old ones are deleted after the last new one is added, and readers see the old documents until the commit at
     * the end. If the stream fails half-way, the new generation is deleted again: the index stays as it was.
     */
    void replaceType(String type, java.util.stream.Stream<SearchDocument> documents) {
        String generation = java.util.UUID.randomUUID().toString();
        Term ofGeneration = new Term(GENERATION, generation);
        write(() -> {
            try {
                java.util.Iterator<SearchDocument> each = documents.iterator();
                while (each.hasNext()) {
                    SearchDocument document = each.next();
                    if (!type.equals(document.type())) {
                        throw new IllegalArgumentException(
                                "The source of type " + type + " gave a document of type " + document.type());
                    }
                    Document lucene = toLucene(document);
                    lucene.add(new StringField(GENERATION, generation, Field.Store.NO));
                    writer.addDocument(lucene);
                }
            } catch (RuntimeException e) {
                writer.deleteDocuments(ofGeneration);
                writer.commit();
                throw e;
            }
            writer.deleteDocuments(new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(new TermQuery(new Term(TYPE, type)), org.apache.lucene.search.BooleanClause.Occur.MUST)
                    .add(new TermQuery(ofGeneration), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                    .build());
        });
    }

    /** How many documents the index holds, of every type. */
    long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    long count(String type) {
        return withSearcher(searcher -> (long) searcher.count(new TermQuery(new Term(TYPE, type))));
    }

    SearchResult search(SearchQuery query) {
        int size = Math.min(query.size(), settings.maxPageSize());
        List<String> words = words(query.text());
        Query matching = matching(words);
        Query filtered = filtered(query, matching == null ? new MatchAllDocsQuery() : matching);
        Sort sort = sort(query.sort(), matching != null);
        return withSearcher(searcher -> {
            int total = searcher.count(filtered);
            long from = (long) query.page() * size;
            if (from >= total) {
                return new SearchResult(List.of(), total, query.page(), size);
            }
            int until = (int) Math.min(from + size, total);
            TopFieldDocs top = searcher.search(filtered, until, sort);
            StoredFields stored = searcher.storedFields();
            List<String> needles = needles(words);
            List<SearchResult.Hit> hits = new ArrayList<>(size);
            for (int i = (int) from; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document doc = stored.document(scoreDoc.doc);
                hits.add(new SearchResult.Hit(doc.get(TYPE), doc.get(ID), doc.get(TITLE), doc.get(URL),
                        Snippets.around(doc.get(TEXT), needles, settings.snippetLength())));
            }
            return new SearchResult(hits, total, query.page(), size);
        });
    }

    /** The names of the facets that documents have, sorted. */
    List<String> facetNames() {
        return withSearcher(searcher -> {
            List<String> names = new ArrayList<>();
            for (org.apache.lucene.index.FieldInfo field : org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader())) {
                if (field.name.startsWith(FACET)) {
                    names.add(field.name.substring(FACET.length()));
                }
            }
            names.sort(null);
            return names;
        });
    }

    /** The types that have at least one document, in no particular order. */
    List<String> types() {
        return withSearcher(searcher -> {
            List<String> types = new ArrayList<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), TYPE);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    if (searcher.count(new TermQuery(new Term(TYPE, BytesRef.deepCopyOf(term)))) > 0) {
                        types.add(term.utf8ToString());
                    }
                }
            }
            return types;
        });
    }

    /**
     * The values of one facet among the documents that match the query without its own filter on that facet, with
     * how many documents have each, in the index's order of values.
     */
    Map<String, Long> facetCounts(SearchQuery query, String facet) {
        Map<String, List<String>> otherFilters = new java.util.LinkedHashMap<>(query.filters());
        otherFilters.remove(facet);
        SearchQuery without = new SearchQuery(query.type(), query.text(), otherFilters, query.sort(), 0, 1);
        Query matching = matching(words(query.text()));
        Query base = filtered(without, matching == null ? new MatchAllDocsQuery() : matching);
        return withSearcher(searcher -> {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), FACET + facet);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    Query withValue = new BooleanQuery.Builder().add(base, Occur.MUST)
                            .add(new TermQuery(new Term(FACET + facet, BytesRef.deepCopyOf(term))), Occur.FILTER).build();
                    int count = searcher.count(withValue);
                    if (count > 0) {
                        counts.put(term.utf8ToString(), (long) count);
                    }
                }
            }
            return counts;
        });
    }

    /** The folded words to mark in a hit: those typed, their morphemes, and for a word typed in kana the kanji it reads as. */
    List<String> marks(String text) {
        List<String> words = words(text);
        List<String> marks = new ArrayList<>(needles(words));
        withSearcher(searcher -> {
            for (String word : words) {
                String folded = JapaneseText.forPairs(word);
                if (JapaneseText.isKana(folded)) {
                    surfaces(searcher.getIndexReader(), folded).keySet()
                            .forEach(surface -> marks.add(JapaneseText.forPairs(surface)));
                }
            }
            return null;
        });
        // A morpheme of one character (協 of 協働) would mark unrelated words; only a word typed alone that short is marked.
        List<String> typed = words.stream().map(JapaneseText::forPairs).toList();
        return marks.stream().filter(mark -> !mark.isBlank())
                .filter(mark -> mark.codePointCount(0, mark.length()) >= 2 || typed.contains(mark)).distinct().toList();
    }

    /**
     * Up to three corrections of words typed that find nothing ("もしかして"): each a whole query that finds documents
     * (of the type, if one is given). A kana word is compared by reading (ぼうざい gives 防災), any word with the
     * index's words (防炎 gives 防災), at most one edit away, or two for words of five characters or more.
     */
    List<String> suggest(String text, String type) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            List<List<String>> choices = new ArrayList<>();
            boolean corrected = false;
            for (String word : words) {
                Query query = wordQuery(word);
                if (query == null || searcher.count(ofType(query, type)) > 0) {
                    choices.add(List.of(word));
                    continue;
                }
                List<String> corrections = corrections(reader, word);
                corrected |= !corrections.isEmpty();
                choices.add(corrections.isEmpty() ? List.of(word) : corrections);
            }
            if (!corrected) {
                return List.of();
            }
            List<String> suggestions = new ArrayList<>();
            for (String candidate : combinations(choices)) {
                Query matching = matching(words(candidate));
                if (matching != null && searcher.count(ofType(matching, type)) > 0 && !suggestions.contains(candidate)) {
                    suggestions.add(candidate);
                }
                if (suggestions.size() == MAX_SUGGESTIONS) {
                    break;
                }
            }
            return suggestions;
        });
    }

    private static Query ofType(Query query, String type) {
        if (type == null || type.isBlank()) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(new Term(TYPE, type)), Occur.FILTER).build();
    }

    // Each alternative of one word with the first choice of the others, best first.
    private static List<String> combinations(List<List<String>> choices) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            for (String alternative : choices.get(i)) {
                List<String> words = new ArrayList<>();
                for (int j = 0; j < choices.size(); j++) {
                    words.add(j == i ? alternative : choices.get(j).getFirst());
                }
                out.add(String.join(" ", words));
            }
        }
        return out;
    }

    private record Correction(String text, int edits, int docFreq) {
    }

    private List<String> corrections(IndexReader reader, String word) throws IOException {
        List<Correction> found = new ArrayList<>();
        String folded = JapaneseText.forPairs(word);
        if (JapaneseText.isKana(folded)) {
            for (Correction reading : fuzzy(reader, SPELL_READING, folded)) {
                surfaces(reader, reading.text()).entrySet().stream().max(Map.Entry.comparingByValue())
                        .ifPresent(best -> found.add(new Correction(best.getKey(), reading.edits(), reading.docFreq())));
            }
        }
        String asWord = JapaneseText.forWords(word).toLowerCase(java.util.Locale.ROOT);
        found.addAll(fuzzy(reader, WORDS, asWord));
        if (!folded.equals(asWord)) {
            found.addAll(fuzzy(reader, WORDS, folded));
        }
        // Words written with kanji, and compounds of two of them (防災訓練), as they are written.
        found.addAll(fuzzy(reader, SPELL_SURFACE, asWord));
        List<String> corrections = found.stream()
                .sorted(java.util.Comparator.comparingInt(Correction::edits).thenComparing(Correction::docFreq, java.util.Comparator.reverseOrder()))
                .map(Correction::text).filter(candidate -> !candidate.equals(word)).distinct().limit(MAX_SUGGESTIONS).toList();
        return corrections;
    }

    private static List<Correction> fuzzy(IndexReader reader, String field, String word) throws IOException {
        int length = word.codePointCount(0, word.length());
        Terms terms = MultiTerms.getTerms(reader, field);
        if (length < 2 || terms == null) {
            return List.of();
        }
        int maxEdits = length >= 5 ? 2 : 1;
        List<Correction> found = new ArrayList<>();
        FuzzyTermsEnum similar = new FuzzyTermsEnum(terms, new Term(field, word), maxEdits, 0, true);
        for (BytesRef term = similar.next(); term != null; term = similar.next()) {
            String candidate = term.utf8ToString();
            int candidateLength = candidate.codePointCount(0, candidate.length());
            if (candidateLength < 2 || candidate.equals(word)) {
                continue;
            }
            int edits = editDistance(word, candidate);
            // Two characters of which one is wrong is still a guess worth offering; more changes than half is not.
            if (edits <= maxEdits && edits * 2 <= Math.min(length, candidateLength)) {
                found.add(new Correction(candidate, edits, similar.docFreq()));
            }
        }
        return found;
    }

    // The words written with kanji that read as this reading, with how many documents contain each.
    private static Map<String, Integer> surfaces(IndexReader reader, String reading) throws IOException {
        Map<String, Integer> surfaces = new java.util.LinkedHashMap<>();
        Terms terms = MultiTerms.getTerms(reader, READING_SURFACE);
        if (terms == null) {
            return surfaces;
        }
        String prefix = reading + SEPARATOR;
        TermsEnum each = terms.iterator();
        if (each.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
            return surfaces;
        }
        for (BytesRef term = each.term(); term != null; term = each.next()) {
            String value = term.utf8ToString();
            if (!value.startsWith(prefix)) {
                break;
            }
            surfaces.put(value.substring(prefix.length()), each.docFreq());
        }
        return surfaces;
    }

    private static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    private Document toLucene(SearchDocument document) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(document.type(), document.id()).text(), Field.Store.NO));
        doc.add(new StringField(TYPE, document.type(), Field.Store.YES));
        doc.add(new StoredField(ID, document.id()));
        doc.add(new StoredField(TITLE, document.title()));
        doc.add(new StoredField(TEXT, document.text()));
        if (document.url() != null) {
            doc.add(new StoredField(URL, document.url()));
        }
        String all = document.title() + "\n" + document.text();
        doc.add(new TextField(WORDS, JapaneseText.forWords(all), Field.Store.NO));
        doc.add(new TextField(PAIRS, JapaneseText.forPairs(all), Field.Store.NO));
        doc.add(new TextField(TITLE_PAIRS, JapaneseText.forPairs(document.title()), Field.Store.NO));
        doc.add(new TextField(READING, japanese.reading(all), Field.Store.NO));
        japanese.readingWords(all).stream().distinct().forEach(word -> {
            doc.add(new StringField(SPELL_READING, word.reading(), Field.Store.NO));
            doc.add(new StringField(READING_SURFACE, word.reading() + SEPARATOR + word.surface(), Field.Store.NO));
            doc.add(new StringField(SPELL_SURFACE, word.surface(), Field.Store.NO));
        });
        if (document.updatedAt() != null) {
            doc.add(new NumericDocValuesField(UPDATED, document.updatedAt().toEpochMilli()));
        }
        doc.add(new SortedDocValuesField(TITLE_ORDER, new BytesRef(titleOrder(document.title()))));
        document.facets().forEach((name, values) -> {
            for (String value : values) {
                String normalized = JapaneseText.forWords(value);
                if (!normalized.isEmpty()) {
                    doc.add(new StringField(FACET + name, normalized, Field.Store.NO));
                }
            }
        });
        return doc;
    }

    // Kana order of the reading, then the title itself, so that homophones still sort the same way every time.
    private String titleOrder(String title) {
        String order = japanese.reading(title) + "\u0000" + title;
        return order.length() <= MAX_TITLE_ORDER_LENGTH ? order : order.substring(0, MAX_TITLE_ORDER_LENGTH);
    }

    private static Term key(String type, String id) {
        return new Term(KEY, type + "\u001f" + id);
    }

    private static List<String> words(String text) {
        String typed = JapaneseText.forWords(text);
        if (typed.length() > MAX_QUERY_LENGTH) {
            typed = typed.substring(0, MAX_QUERY_LENGTH);
        }
        return WORD_SEPARATORS.splitAsStream(typed).filter(word -> !word.isEmpty()).limit(MAX_WORDS).toList();
    }

    /** Every word must match, in any of the three analyses; {@code null} when nothing searchable was typed. */
    private Query matching(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            Query query = wordQuery(word);
            if (query != null) {
                all.add(query, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    private Query wordQuery(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        List<String> morphemes = japanese.words(word);
        if (!morphemes.isEmpty()) {
            BooleanQuery.Builder everyMorpheme = new BooleanQuery.Builder();
            morphemes.forEach(term -> everyMorpheme.add(new TermQuery(new Term(WORDS, term)), Occur.MUST));
            // A whole-word match is the most precise of the three.
            any.add(new BoostQuery(everyMorpheme.build(), 2f), Occur.SHOULD);
            clauses++;
        }
        String folded = JapaneseText.forPairs(word);
        List<JapaneseText.Token> pairs = japanese.queryPairs(folded);
        if (!pairs.isEmpty()) {
            any.add(phrase(PAIRS, pairs), Occur.SHOULD);
            any.add(new BoostQuery(phrase(TITLE_PAIRS, pairs), 2f), Occur.SHOULD);
            clauses += 2;
            // Only a word typed in kana is looked up by reading: 貝 must not find 協会 (キョウカイ).
            if (JapaneseText.isKana(folded)) {
                any.add(phrase(READING, pairs), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    private static Query phrase(String field, List<JapaneseText.Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        tokens.forEach(token -> phrase.add(new Term(field, token.term()), token.position()));
        return phrase.build();
    }

    private static Query filtered(SearchQuery query, Query matching) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matching, Occur.MUST);
        if (query.type() != null && !query.type().isBlank()) {
            filtered.add(new TermQuery(new Term(TYPE, query.type())), Occur.FILTER);
        }
        query.filters().forEach((name, values) -> {
            BooleanQuery.Builder anyValue = new BooleanQuery.Builder();
            int accepted = 0;
            for (String value : values) {
                String normalized = JapaneseText.forWords(value);
                if (!normalized.isEmpty()) {
                    anyValue.add(new TermQuery(new Term(FACET + name, normalized)), Occur.SHOULD);
                    accepted++;
                }
            }
            if (accepted > 0) {
                filtered.add(anyValue.build(), Occur.FILTER);
            }
        });
        return filtered.build();
    }

    private static Sort sort(SearchQuery.Sort sort, boolean hasWords) {
        SortField newest = new SortField(UPDATED, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        SortField byTitle = new SortField(TITLE_ORDER, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> hasWords ? new Sort(SortField.FIELD_SCORE, newest) : new Sort(newest, byTitle);
            case NEWEST -> new Sort(newest, byTitle);
            case TITLE -> new Sort(byTitle, newest);
        };
    }

    /** What the snippet looks for in the text: the words as typed, then their morphemes. */
    private List<String> needles(List<String> words) {
        List<String> needles = new ArrayList<>();
        for (String word : words) {
            needles.add(JapaneseText.forPairs(word));
        }
        for (String word : words) {
            japanese.words(word).forEach(term -> needles.add(JapaneseText.forPairs(term)));
        }
        return needles;
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private void write(IndexWrite change) {
        try {
            change.run();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the search index", e);
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the search index", e);
        }
    }

    @Override
    public void close() {
        try (directory; japanese; writer; searchers) {
            log.debug("Closing the search index in {}", directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the search index", e);
        }
    }
}
