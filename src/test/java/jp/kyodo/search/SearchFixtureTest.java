package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The search fixture: queries from {@code search/fixture.tsv} over the small corpus of several kinds in
 * {@code search/corpus.tsv}, with the documents (or the "もしかして" suggestion) a person should get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFixtureTest {

    private LuceneIndex lucene;
    private SearchIndex index;

    @BeforeAll
    void fill() {
        lucene = new LuceneIndex(new ByteBuffersDirectory(), JapaneseSearchTest.SETTINGS);
        index = new SearchIndex(lucene, List::of, TransactionOperations.withoutTransaction());
        lines("search/corpus.tsv").forEach(line -> index.put(document(line)));
    }

    @AfterAll
    void close() {
        lucene.close();
    }

    static Stream<Arguments> fixture() {
        return lines("search/fixture.tsv").map(line -> Arguments.of(line[0], line[1], line[2], line.length > 3 ? line[3] : ""));
    }

    @ParameterizedTest(name = "{0} [{1}] {2} {3}")
    @MethodSource("fixture")
    void query(String typed, String kind, String check, String expected) {
        String type = kind.equals("-") ? null : kind;
        List<String> found = index.search(new SearchQuery(type, typed, Map.of(), SearchQuery.Sort.RELEVANCE, 0, 100)).hits()
                .stream().map(hit -> hit.type() + ":" + hit.id()).toList();
        List<String> wanted = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        switch (check) {
            case "finds" -> assertThat(found).containsAll(wanted);
            case "exactly" -> assertThat(found).containsExactlyInAnyOrderElementsOf(wanted);
            case "none" -> {
                assertThat(found).isEmpty();
                assertThat(index.suggest(typed, type)).isEmpty();
            }
            case "suggests" -> {
                assertThat(found).as("a misspelt query finds little").hasSizeLessThan(3);
                assertThat(index.suggest(typed, type)).contains(expected);
                assertThat(index.search(new SearchQuery(type, expected, Map.of(), SearchQuery.Sort.RELEVANCE, 0, 10)).total())
                        .as("the suggestion finds something").isPositive();
            }
            default -> throw new IllegalArgumentException("Unknown check in the fixture: " + check);
        }
    }

    @org.junit.jupiter.api.Test
    void matchesAreMarkedWhereverTheyWereTypedInAnotherWidthOrAsAReading() {
        assertThat(marked("子育てサロンひまわり", "こそだて")).containsExactly("子育て");
        assertThat(marked("本庄防災ボランティアの会", "ﾎﾞﾗﾝﾃｨｱ")).containsExactly("ボランティア");
        assertThat(marked("NPO法人はにわ国際交流協会", "ｎｐｏ 交流")).containsExactly("NPO", "交流");
        assertThat(index.highlight("防災マップ", "宇宙")).containsExactly(new Snippets.Segment("防災マップ", false));
        // The characters of a word are not marked one by one elsewhere.
        assertThat(marked("国際交流協会と共働き世帯の協働", "協働")).containsExactly("協働");
    }

    private List<String> marked(String text, String typed) {
        List<Snippets.Segment> segments = index.highlight(text, typed);
        assertThat(String.join("", segments.stream().map(Snippets.Segment::text).toList())).as("nothing lost").isEqualTo(text);
        return segments.stream().filter(Snippets.Segment::marked).map(Snippets.Segment::text).toList();
    }

    private static SearchDocument document(String[] line) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        if (line.length > 4 && !line[4].isBlank()) {
            for (String facet : line[4].split(";")) {
                String[] nameValues = facet.split("=", 2);
                facets.put(nameValues[0], Arrays.asList(nameValues[1].split("\\|")));
            }
        }
        return new SearchDocument(line[0], line[1], line[2], line[3], "/" + line[0] + "/" + line[1], facets,
                Instant.parse("2026-04-01T00:00:00Z").plusSeconds(Long.parseLong(line[1])));
    }

    private static Stream<String[]> lines(String resource) {
        try (InputStream in = SearchFixtureTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", -1)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
