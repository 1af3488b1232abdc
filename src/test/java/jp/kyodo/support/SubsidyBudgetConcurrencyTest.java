package jp.kyodo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A programme's granted total never passes its budget, even when staff decide many applications at the same moment. */
@IntegrationTest
class SubsidyBudgetConcurrencyTest {

    @Autowired Subsidies subsidies;
    @Autowired JdbcClient jdbc;

    // An id no applicant account can have, so that the rule "nobody decides their own application" stays out of the way.
    static final Actor STAFF = new Actor() {
        public Long accountId() { return -1L; }
        public String displayName() { return "補助 担当"; }
    };

    @Test
    void tenParallelDecisionsOfHundredAndFiftyThousandIntoAMillion() throws Exception {
        LocalDate today = subsidies.today();
        long programme = subsidies.createProgramme(STAFF, dept(), "2027", "並行審査テスト補助金" + UUID.randomUUID(), "テスト", false,
                "200,000", "100", "1,000,000", today.minusDays(1).toString(), today.plusDays(30).toString(), null);
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Actor applicant = applicant(i);
            applications.add(subsidies.apply(applicant, programme, null, "事業" + i, "目的", "300000", "150000", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refusedForBudget = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (long id : applications) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    subsidies.decide(id, STAFF, 0, true, "150000", null);
                    granted.incrementAndGet();
                } catch (InvalidInputException e) {
                    if (e.problems().getFirst().messageKey().equals("validation.subsidy.budget")) {
                        refusedForBudget.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        // 6 × 150,000 = 900,000 fits; a seventh would make 1,050,000.
        assertThat(granted.get()).isEqualTo(6);
        assertThat(refusedForBudget.get()).isEqualTo(4);
        long total = jdbc.sql("select granted_total from support_programme where id = :p").param("p", programme).query(Long.class).single();
        long sum = jdbc.sql("select coalesce(sum(granted_amount), 0) from support_grant where programme_id = :p and status = 'GRANTED'")
                .param("p", programme).query(Long.class).single();
        assertThat(total).isEqualTo(900_000).isEqualTo(sum);
    }

    @Test
    void theFinalAmountFollowsTheRateOfTheActualCostAndReturnsTheRestToTheBudget() {
        LocalDate today = subsidies.today();
        long programme = subsidies.createProgramme(STAFF, dept(), "2027", "額の確定テスト補助金" + UUID.randomUUID(), "テスト", false,
                "300,000", "50", "1,000,000", today.minusDays(1).toString(), today.plusDays(30).toString(), null);
        Actor applicant = applicant(99);
        // Cost 500,000 at 50 % allows 250,000; requested 240,000 and granted in full.
        long id = subsidies.apply(applicant, programme, null, "講座", "目的", "500,000", "240,000", null);
        subsidies.decide(id, STAFF, 0, true, "240000", null);
        subsidies.report(id, applicant, 1, "420,000", "講座を開いた");
        // The actual cost was 420,000: 50 % is 210,000, below the 240,000 granted; 30,000 returns to the budget.
        assertThat(subsidies.finalise(id, STAFF, 2)).isEqualTo(210_000);
        assertThat(jdbc.sql("select granted_total from support_programme where id = :p").param("p", programme).query(Long.class).single())
                .isEqualTo(210_000);
        subsidies.pay(id, STAFF, 3, today.toString(), "支払第1号");
        assertThat(subsidies.grant(id).status()).isEqualTo(GrantStatus.PAID);
    }

    private long dept() {
        return jdbc.sql("""
                insert into department (code, name, secretariat, active, created_at) values (:code, '市民活動推進課', false, true, now())
                returning id""").param("code", "s-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
    }

    private Actor applicant(int i) {
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:e, 'x', :n, 'ACTIVE', now(), now(), now()) returning id""")
                .param("e", "grant-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp").param("n", "申請者" + i)
                .query(Long.class).single();
        return new Actor() {
            public Long accountId() { return id; }
            public String displayName() { return "申請者"; }
        };
    }
}
