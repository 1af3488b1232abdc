package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Workshops and public comments reach the site search when published, and drafts never do. */
@IntegrationTest
class WorkshopSearchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired jp.kyodo.TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired Workshops workshops;
    @Autowired SearchIndex index;
    @Autowired PublicComments comments;
    @Autowired Councils councils;

    static String word() {
        StringBuilder word = new StringBuilder("qw");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    private List<String> found(String type, String text, Map<String, List<String>> filters) {
        return index.search(new SearchQuery(type, text, filters, SearchQuery.Sort.RELEVANCE, 0, 100)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    private long workshop(SignedInUser staff, long dept, String title) {
        LocalDate today = workshops.today();
        return workshops.create(staff, dept, Map.of("title", title, "theme", "地域の避難経路を歩いて確かめます", "heldOn",
                today.plusDays(5).toString(), "startsAt", "10:00", "endsAt", "12:00", "place", "本庄市民活動センター", "capacity", "20",
                "target", "どなたでも", "closesOn", today.plusDays(4).toString()));
    }

    @Test
    void aWorkshopIsFoundRightAfterItIsPublishedStaysFoundWhenCancelledAndADraftIsNever() {
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '危機管理課', false, true, now()) returning id")
                .param("c", "wss-" + word()).query(Long.class).single();
        SignedInUser staff = people.account("ws-search", dept, "STAFF");
        String publishedWord = word();
        String draftWord = word();
        long id = workshop(staff, dept, "防災まちあるきワークショップ " + publishedWord);
        long draft = workshop(staff, dept, "下書きのワークショップ " + draftWord);

        workshops.publish(id, staff, dept, false, 0);

        await().atMost(WAIT).untilAsserted(() -> assertThat(found("workshop", publishedWord, Map.of())).containsExactly(String.valueOf(id)));
        assertThat(found("workshop", "ぼうさい " + publishedWord, Map.of())).containsExactly(String.valueOf(id));
        assertThat(found(null, draftWord, Map.of())).isEmpty();

        workshops.cancel(id, staff, dept, false, 1, "台風の接近のため");
        await().atMost(WAIT).untilAsserted(() -> assertThat(found("workshop", publishedWord, Map.of("status", List.of("cancelled"))))
                .containsExactly(String.valueOf(id)));
        assertThat(found(null, draftWord, Map.of())).isEmpty();
        assertThat(workshops.forDepartment(draft, dept, false).status()).isEqualTo(Workshops.Status.DRAFT);
    }

    @Test
    void aDraftPlanIsFoundOnceItIsPutToPublicCommentAndNoCommentEverIs() {
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '福祉課', false, true, now()) returning id")
                .param("c", "pcs-" + word()).query(Long.class).single();
        SignedInUser staff = people.account("pc-search", dept, "STAFF");
        String tag = word();
        String draftTag = word();
        LocalDate today = comments.today();
        long id = comments.create(staff, dept, "地域福祉計画(案) " + tag, "高齢者の見守りと子育て家庭の支援について意見を募集します。", null,
                today.toString(), today.plusDays(40).toString(), null, List.of("第1章 見守り"), List.of("地域で高齢者を見守る仕組みをつくります。"));
        comments.create(staff, dept, "下書きの計画 " + draftTag, "まだ公開しません。", null, today.toString(), today.plusDays(40).toString(), null,
                List.of("第1章"), List.of("本文"));

        comments.publish(id, staff, dept, false, 0);

        await().atMost(WAIT).untilAsserted(() -> assertThat(found("public-comment", "みまもり " + tag, Map.of("stage", List.of("published"))))
                .containsExactly(String.valueOf(id)));
        assertThat(found(null, draftTag, Map.of())).isEmpty();
    }

    @Test
    void aCouncilMeetingIsFoundByItsMinutesAsSoonAsItIsAdded() {
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '環境推進課', false, true, now()) returning id")
                .param("c", "cms-" + word()).query(Long.class).single();
        SignedInUser staff = people.account("council-search", dept, "STAFF");
        String tag = word();
        long council = councils.createCouncil(staff, dept, "本庄市環境審議会 " + tag, "環境基本計画を審議します。", "本庄市環境基本条例", "10", "2");

        long meeting = councils.addMeeting(council, staff, dept, false, councils.today().toString(), "第1回", "市役所 大会議室",
                "再生可能エネルギーの導入目標について審議しました。", null, null);

        await().atMost(WAIT).untilAsserted(() -> assertThat(index.search(SearchQuery.of("council-meeting", "さいせいかのう " + tag)).hits())
                .extracting(SearchResult.Hit::url).containsExactly("/participation/councils/" + council + "#meeting-" + meeting));
    }
}
