package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.transaction.support.TransactionOperations;

/** What a person typing Japanese into the search box finds, against an index in memory. */
class JapaneseSearchTest {

    static final SearchSettings SETTINGS = new SearchSettings(null, 120, 100);

    private LuceneIndex lucene;
    private SearchIndex index;

    static SearchDocument group(String id, String title, String text, Map<String, List<String>> facets, String updated) {
        return new SearchDocument("group", id, title, text, "/groups/" + id, facets, Instant.parse(updated));
    }

    static List<SearchDocument> groups() {
        return List.of(
                group("1", "子育てサロンひまわり", "乳幼児と保護者の交流の場です。毎週水曜日に公民館で開いています。",
                        Map.of("groupType", List.of("CIVIC"), "field", List.of("子育て支援"), "area", List.of("児玉地区"),
                                "welcomesMembers", List.of("true")), "2026-04-01T00:00:00Z"),
                group("2", "本庄防災ボランティアの会", "災害に備えて、地域の避難訓練や講座を行っています。",
                        Map.of("groupType", List.of("CIVIC"), "field", List.of("防災", "地域づくり"), "area", List.of("本庄地区"),
                                "welcomesMembers", List.of("true")), "2026-05-10T00:00:00Z"),
                group("3", "ＮＰＯ法人はにわ国際交流協会", "外国籍市民のための日本語教室と多文化共生のイベントを開いています。",
                        Map.of("groupType", List.of("NPO"), "field", List.of("国際交流"), "area", List.of("本庄地区"),
                                "welcomesMembers", List.of("false")), "2026-03-01T00:00:00Z"),
                group("4", "児玉町子ども食堂", "地域の子どもたちに温かい食事と居場所を届けています。",
                        Map.of("groupType", List.of("CIVIC"), "field", List.of("子育て支援", "食育"), "area", List.of("児玉地区"),
                                "welcomesMembers", List.of("true")), "2026-06-01T00:00:00Z"));
    }

    @BeforeEach
    void fill() {
        lucene = new LuceneIndex(new ByteBuffersDirectory(), SETTINGS);
        index = new SearchIndex(lucene, List::of, TransactionOperations.withoutTransaction());
        groups().forEach(index::put);
        index.put(new SearchDocument("news", "1", "防災訓練のお知らせ", "市内全域で防災訓練を行います。", "/news/1", Map.of(),
                Instant.parse("2026-07-01T00:00:00Z")));
    }

    @AfterEach
    void close() {
        lucene.close();
    }

    private List<String> groupsFound(String text) {
        return ids(index.search(SearchQuery.of("group", text)));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"こそだて", "コソダテ", "ｺｿﾀﾞﾃ", "子育て", "サロン", "ひまわり", "ヒマワリ"})
    void theReadingOrAnyScriptFindsTheKanji(String typed) {
        assertThat(groupsFound(typed)).containsExactly("1");
    }

    @Test
    void aWordFindsOnlyTheGroupsThatHaveIt() {
        assertThat(groupsFound("防災")).containsExactly("2");
        assertThat(groupsFound("図書館")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ボランティア", "ぼらんてぃあ", "ﾎﾞﾗﾝﾃｨｱ", "ぼうさい"})
    void katakanaHiraganaAndHalfWidthAlike(String typed) {
        assertThat(groupsFound(typed)).containsExactly("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NPO", "npo", "ＮＰＯ", "ｎｐｏ", "NPO法人"})
    void latinLettersInAnyWidthAndCase(String typed) {
        assertThat(groupsFound(typed)).containsExactly("3");
    }

    @Test
    void aWordInsideALongerCompound() {
        assertThat(groupsFound("国際")).containsExactly("3");
        assertThat(groupsFound("交流協会")).containsExactly("3");
        assertThat(groupsFound("食堂")).containsExactly("4");
        assertThat(groupsFound("子ども食堂")).containsExactly("4");
        assertThat(groupsFound("こども")).containsExactly("4");
        assertThat(groupsFound("避難")).containsExactly("2");
    }

    @Test
    void everyWordMustMatch() {
        assertThat(groupsFound("防災 ボランティア")).containsExactly("2");
        assertThat(groupsFound("防災　ボランティア")).containsExactly("2");
        assertThat(groupsFound("防災、食堂")).isEmpty();
    }

    @Test
    void aMatchInTheTitleComesBeforeOneInTheText() {
        // 交流 is in the title of 3 and only in the text of 1.
        assertThat(groupsFound("交流")).containsExactly("3", "1");
    }

    @Test
    void theTypeNarrowsTheSearchAndNoTypeSearchesEverything() {
        assertThat(ids(index.search(SearchQuery.of(null, "防災")))).containsExactlyInAnyOrder("2", "1");
        assertThat(index.search(SearchQuery.of(null, "防災")).hits()).extracting(SearchResult.Hit::type)
                .containsExactlyInAnyOrder("group", "news");
        assertThat(ids(index.search(SearchQuery.of("news", "防災")))).containsExactly("1");
    }

    @Test
    void filtersNarrowTheResults() {
        assertThat(filtered("", Map.of("field", List.of("子育て支援")))).containsExactlyInAnyOrder("1", "4");
        assertThat(filtered("", Map.of("field", List.of("子育て支援"), "area", List.of("児玉地区"),
                "welcomesMembers", List.of("true")))).containsExactlyInAnyOrder("1", "4");
        assertThat(filtered("", Map.of("area", List.of("本庄地区"), "groupType", List.of("NPO")))).containsExactly("3");
        // Values of one facet are alternatives.
        assertThat(filtered("", Map.of("field", List.of("防災", "国際交流")))).containsExactlyInAnyOrder("2", "3");
        assertThat(filtered("食堂", Map.of("area", List.of("本庄地区")))).isEmpty();
        assertThat(filtered("地域", Map.of("area", List.of("児玉地区")))).containsExactly("4");
        // An empty list of values filters nothing.
        assertThat(filtered("", Map.of("area", List.of()))).hasSize(4);
    }

    private List<String> filtered(String text, Map<String, List<String>> filters) {
        return ids(index.search(new SearchQuery("group", text, filters, SearchQuery.Sort.NEWEST, 0, 20)));
    }

    @Test
    void emptyTextListsAllOfTheTypeNewestFirst() {
        SearchResult all = index.search(SearchQuery.of("group", "  "));
        assertThat(all.total()).isEqualTo(4);
        assertThat(ids(all)).containsExactly("4", "2", "1", "3");
    }

    @Test
    void sortsByNewestOrByTheReadingOfTheTitle() {
        assertThat(ids(index.search(new SearchQuery("group", "地域", Map.of(), SearchQuery.Sort.NEWEST, 0, 20))))
                .containsExactly("4", "2");
        // NPO… (Latin letters first), こそだて…, こだま…, ほんじょう…
        assertThat(ids(index.search(new SearchQuery("group", "", Map.of(), SearchQuery.Sort.TITLE, 0, 20))))
                .containsExactly("3", "1", "4", "2");
    }

    @Test
    void pagesAndTotal() {
        SearchResult first = index.search(new SearchQuery("group", "", Map.of(), SearchQuery.Sort.NEWEST, 0, 3));
        assertThat(ids(first)).containsExactly("4", "2", "1");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        SearchResult second = index.search(new SearchQuery("group", "", Map.of(), SearchQuery.Sort.NEWEST, 1, 3));
        assertThat(ids(second)).containsExactly("3");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.hasNext()).isFalse();
        assertThat(index.search(new SearchQuery("group", "", Map.of(), SearchQuery.Sort.NEWEST, 9, 3)).hits()).isEmpty();
        assertThat(index.search(new SearchQuery("group", "", Map.of(), SearchQuery.Sort.NEWEST, 0, 10_000)).size())
                .isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND OR \"(", "*", "?", "\"", "(", ")", "\\", ":", "~", "^2", "[a TO z]", "{", "!", "-", "+",
            "&&", "||", "/", "NOT", "title:防災", "防災*", "\u0000", "😀", "𠮷野家"})
    void whateverIsTypedNeverFails(String typed) {
        assertThatCode(() -> index.search(SearchQuery.of("group", typed))).doesNotThrowAnyException();
        assertThatCode(() -> index.search(SearchQuery.of(null, typed.repeat(500)))).doesNotThrowAnyException();
    }

    @Test
    void punctuationAloneListsEverything() {
        assertThat(index.search(SearchQuery.of("group", "*")).total()).isEqualTo(4);
        assertThat(groupsFound("防災*")).containsExactly("2");
    }

    @Test
    void hitsCarryTitleUrlAndASnippet() {
        SearchResult.Hit hit = index.search(SearchQuery.of("group", "避難")).hits().getFirst();
        assertThat(hit.type()).isEqualTo("group");
        assertThat(hit.title()).isEqualTo("本庄防災ボランティアの会");
        assertThat(hit.url()).isEqualTo("/groups/2");
        assertThat(hit.snippet()).isEqualTo("災害に備えて、地域の避難訓練や講座を行っています。");
    }

    @Test
    void theSnippetShowsWhereTheWordIs() {
        String text = "本会は平成十年に設立されました。".repeat(20) + "毎年秋には多文化共生フェスタを開催しています。";
        index.put(new SearchDocument("group", "5", "交流の会", text, "/groups/5", Map.of(), null));
        String snippet = index.search(SearchQuery.of("group", "ﾌｪｽﾀ")).hits().getFirst().snippet();
        assertThat(snippet).startsWith("…").contains("フェスタ").doesNotEndWith("…");
        assertThat(snippet.length()).isLessThanOrEqualTo(121);
    }

    @Test
    void putReplacesTheDocumentWithTheSameTypeAndId() {
        index.put(group("2", "本庄防犯パトロール隊", "通学路の見守りをしています。", Map.of(), "2026-08-01T00:00:00Z"));
        assertThat(index.count("group")).isEqualTo(4);
        assertThat(groupsFound("防災")).isEmpty();
        assertThat(groupsFound("見守り")).containsExactly("2");
        // The same id in another type is another document.
        assertThat(ids(index.search(SearchQuery.of("news", "防災")))).containsExactly("1");
    }

    @Test
    void removeMakesItUnfindable() {
        index.remove("group", "4");
        assertThat(groupsFound("食堂")).isEmpty();
        assertThat(index.count("group")).isEqualTo(3);
        index.remove("group", "does-not-exist");
        assertThat(index.count("group")).isEqualTo(3);
    }

    @Test
    void writersAndReadersAtTheSameTime() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = "t" + thread + "-" + i;
                        index.put(new SearchDocument("event", id, "夏祭り " + id, "盆踊り", "/events/" + id, Map.of(), null));
                        // Each writer sees its own document at once.
                        assertThat(index.search(SearchQuery.of("event", id)).hits())
                                .extracting(SearchResult.Hit::id).contains(id);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(index.count("event")).isEqualTo(100);
        assertThat(index.search(SearchQuery.of("event", "ぼんおどり")).total()).isEqualTo(100);
    }
}
