package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo suggestions load into the real schema, in every state, with two published answers free of personal data. */
@IntegrationTest
class VoiceDemoDataTest {

    private static final List<String> DEMO_EMAILS = List.of("yamakawa@example.jp", "morita@example.jp", "kawaguchi@example.jp",
            "ishida@example.jp", "kobayashi@example.jp", "nakajima@example.jp");

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired Voices voices;

    @Test
    void loadsSuggestionsInEveryStateAndTwoPublishedAnswers() {
        long secretariat = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', true, true, now()) returning id")
                .param("c", "vd-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
        long staff = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, 'x', '職員', 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", "vd-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp").param("d", secretariat).query(Long.class).single();
        tx.executeWithoutResult(status -> {
            new VoiceDemoData(jdbc, accounts, tx, clock, city, environment).load(secretariat, staff);
            Map<String, Long> byStatus = jdbc.sql("select status, count(*) from voice_suggestion where email in (:e) group by status")
                    .param("e", DEMO_EMAILS).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(byStatus).containsEntry("RECEIVED", 2L).containsEntry("ROUTED", 1L).containsEntry("ANSWERED", 2L).containsEntry("CLOSED", 1L);
            assertThat(jdbc.sql("select count(*) from voice_suggestion where email in (:e) and status = 'RECEIVED' and due_on < current_date")
                    .param("e", DEMO_EMAILS).query(Long.class).single()).as("one suggestion is overdue").isEqualTo(1);
            String published = voices.published().values().stream().flatMap(List::stream)
                    .map(p -> p.title() + p.question() + p.answer()).collect(Collectors.joining("\n"));
            assertThat(published).contains("市民活動センターの夜間開館について").contains("協働の相手となる団体の探し方");
            assertThat(published).doesNotContain("山川").doesNotContain("森田").doesNotContain("@example.jp").doesNotContain("0495-00-1234");
            status.setRollbackOnly();
        });
    }
}
