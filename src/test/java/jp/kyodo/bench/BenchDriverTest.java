package jp.kyodo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of the benchmark's driver: percentiles, the generator's TSV files, recall, reading forms, the API and ILIKE queries. */
class BenchDriverTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void aFewSamplesGiveTheirOwnValuesNotInterpolations() {
        Latencies latencies = new Latencies();
        latencies.add(3_000_000);
        latencies.add(1_000_000);
        latencies.add(2_000_000);
        assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(3.0);
        assertThat(Latencies.rank(1, 3)).isEqualTo(1);
        assertThat(Latencies.rank(99, 1000)).isEqualTo(990);
        assertThat(new Latencies().percentileMillis(99)).isZero();
        assertThatThrownBy(() -> Latencies.rank(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throughputIsOperationsOverWallClockTime() {
        assertThat(Latencies.perSecond(500, 2_000_000_000L)).isEqualTo(250.0);
        assertThat(Latencies.perSecond(5, 0)).isZero();
    }

    @Test
    void queriesKeepEmptyColumnsAndSkipHeadersAndBlankLines() {
        List<BenchFiles.Query> queries = BenchFiles.parseQueries(List.of("q\ttype\tfield\tarea", "\uFEFFこそだて\t\t\t", "",
                "子育て 本庄\tCIVIC\tkosodate\thonjo", "\t\tbosai\t", "防犯\r", "\t\t\t"));
        assertThat(queries).containsExactly(new BenchFiles.Query("こそだて", "", "", ""),
                new BenchFiles.Query("子育て 本庄", "CIVIC", "kosodate", "honjo"), new BenchFiles.Query("", "", "bosai", ""),
                new BenchFiles.Query("防犯", "", "", ""), new BenchFiles.Query("", "", "", ""));
        assertThat(queries.get(2).hasWords()).isFalse();
    }

    @Test
    void labelsCarryTheExpectedRegistrationNumbers() {
        List<BenchFiles.Label> labels = BenchFiles.parseLabels(List.of("ぼうさい\t\t\tkodama\t2025-001, 2025-017,,2026-003", "音楽\t\t\t\t"));
        assertThat(labels.get(0).query()).isEqualTo(new BenchFiles.Query("ぼうさい", "", "", "kodama"));
        assertThat(labels.get(0).expected()).containsExactly("2025-001", "2025-017", "2026-003");
        assertThat(labels.get(1).expected()).isEmpty();
    }

    @Test
    void recallCountsTheExpectedResultsFoundOverEveryLabelledQuery() {
        Recall recall = new Recall();
        recall.add(Set.of("a", "b", "c", "d"), Set.of("a", "c", "x", "y", "z"));
        recall.add(Set.of("e"), Set.of());
        assertThat(recall.expected()).isEqualTo(5);
        assertThat(recall.found()).isEqualTo(2);
        assertThat(recall.returned()).isEqualTo(5);
        assertThat(recall.ratio()).isEqualTo(0.4);
        assertThat(new Recall().ratio()).isZero();
    }

    @Test
    void formsGiveTheHiddenFieldsOfTheRightFormAndAFieldsChoices() {
        String html = """
                <form action="/logout" method="post"><input type="hidden" name="_csrf" value="logout-token"></form>
                <form action="/my/proposals/7/submit" method="post">
                  <input type="hidden" name="_csrf" value="a&amp;b"/><input type="hidden" name="version" value="3">
                  <input type="text" name="note" value="typed">
                </form>
                <fieldset><input type="radio" name="groupId" id="g-4" value="4"><input type='radio' name='groupId' value='9'></fieldset>
                <select class="select" name="booker"><option value="">選択</option><option value="self">本人</option><option value="12">団体</option></select>
                """;
        assertThat(Forms.hidden(html, "/my/proposals/7/submit")).containsExactly(Map.entry("_csrf", "a&b"), Map.entry("version", "3"));
        assertThat(Forms.hidden(html, "/nowhere")).isEmpty();
        assertThat(Forms.choices(html, "groupId")).containsExactly("4", "9");
        assertThat(Forms.choices(html, "booker")).containsExactly("self", "12");
    }

    @Test
    void theApiQueryAndTheIlikeBaselineAskTheSameThing() {
        BenchFiles.Query q = new BenchFiles.Query("子育て 100%_", "CIVIC", "kosodate", "");
        assertThat(SearchBench.apiPath(q, 2, 100))
                .isEqualTo("/api/v1/groups?page=2&size=100&q=%E5%AD%90%E8%82%B2%E3%81%A6+100%25_&type=CIVIC&field=kosodate");
        assertThat(SearchBench.likePattern(" 100%_\\ ")).isEqualTo("%100\\%\\_\\\\%");
        String sql = SearchBench.ilikeSql(q, true);
        assertThat(sql).contains("g.status = 'REGISTERED' and g.valid_until >= current_date")
                .contains("g.name ilike ? or g.name_kana ilike ? or g.purpose ilike ? or g.activities ilike ?")
                .contains("g.type = ?").contains("f.field_code = ?").doesNotContain("area_code").endsWith("limit 20");
        assertThat(SearchBench.ilikeSql(new BenchFiles.Query("", "", "", "honjo"), false)).doesNotContain("ilike").contains("g.area_code = ?")
                .doesNotContain("limit");
    }

    @Test
    void processCpuIsUserPlusSystemTimeCountedAfterTheCommandName() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 81234 0 12 0 1234 567 0 0 20 0 60 0 1000 4000000000 50000 18446744073709551615";
        assertThat(ProcessCpu.parse(stat)).isEqualTo((1234 + 567) * 10.0);
        assertThat(ProcessCpu.millis(-1)).isEqualTo(-1);
    }

    @Test
    void aRefusalIsTheMessageThePortalShowedNextToTheField() {
        String page = """
                <div class="error-summary" role="alert"><h2>入力内容を確認してください</h2><ul><li>開始時刻: 予約済み</li></ul></div>
                <p class="field__error" id="start-error">その時間はすでに予約されています。ほかの時間を選んでください。</p>""";
        assertThat(WriteBench.refusal(new PortalUser.Page(200, null, page))).isEqualTo("refused: 「その時間はすでに予約されています。ほかの時間を選んでください。」");
        assertThat(WriteBench.refusal(new PortalUser.Page(200, null, page.substring(0, page.indexOf("<p")))))
                .isEqualTo("refused: 「開始時刻: 予約済み」");
        assertThat(WriteBench.refusal(new PortalUser.Page(403, null, "Forbidden"))).isEqualTo("refused (HTTP 403)");
    }
}
