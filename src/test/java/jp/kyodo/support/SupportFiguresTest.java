package jp.kyodo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Subsidies granted in FY2011 and FY2012 (no other test uses them), added up by hand. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class SupportFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired SupportFigures figures;

    @Test
    void countsGrantedSubsidiesWithTheirGrantedAndFinalAmounts() {
        long first = programme(2011);
        grant(first, "GRANTED", 100_000L, null);
        grant(first, "PAID", 200_000L, 180_000L);
        grant(first, "REFUSED", null, null);
        grant(first, "SUBMITTED", null, null);
        grant(programme(2012), "FINALISED", 70_000L, 70_000L);

        List<YearlyFigure> result = figures.figures(2011, 2012);

        assertThat(value(result, SupportFigures.GRANTS, YearlyFigure.ALL, 2011)).isEqualTo(2);
        assertThat(value(result, SupportFigures.AMOUNTS, SupportFigures.GRANTED, 2011)).isEqualTo(300_000);
        assertThat(value(result, SupportFigures.AMOUNTS, SupportFigures.FINAL, 2011)).isEqualTo(180_000);
        assertThat(value(result, SupportFigures.GRANTS, YearlyFigure.ALL, 2012)).isEqualTo(1);
        assertThat(value(result, SupportFigures.AMOUNTS, SupportFigures.FINAL, 2012)).isEqualTo(70_000);
    }

    private long programme(int year) {
        return jdbc.sql("""
                        insert into support_programme (fiscal_year, name, purpose, registered_only, max_amount, rate_percent, budget,
                            opens_on, closes_on, department_id, created_at)
                        values (:y, '集計テスト補助金', '目的', false, 300000, 50, 1000000, :o, :c, -1, now()) returning id""")
                .param("y", year).param("o", java.time.LocalDate.of(year, 4, 1)).param("c", java.time.LocalDate.of(year, 5, 31))
                .query(Long.class).single();
    }

    private void grant(long programme, String status, Long granted, Long finalAmount) {
        jdbc.sql("""
                        insert into support_grant (programme_id, applicant_id, applicant_name, project_name, purpose, total_cost,
                            requested_amount, status, granted_amount, final_amount, created_at, updated_at)
                        values (:p, -1, '申請者', '集計テスト事業', '目的', 400000, 200000, :s, :g, :f, now(), now())""")
                .param("p", programme).param("s", status).param("g", granted).param("f", finalAmount).update();
    }

    private static long value(List<YearlyFigure> figures, String measure, String category, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.category().equals(category) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
