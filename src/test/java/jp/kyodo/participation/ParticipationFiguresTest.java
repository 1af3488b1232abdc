package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drafts put to public comment and the comments received in FY2005 and FY2006 (no other test uses them). */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class ParticipationFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired ParticipationFigures figures;

    @Test
    void countsProceduresByTheYearTheyOpenedAndOnlyConfirmedComments() {
        long p1 = procedure("2005-06-01", "PUBLISHED");
        comments(p1, "RECEIVED", 3);
        comments(p1, "UNCONFIRMED", 1);
        comments(procedure("2006-02-01", "RESULT_PUBLISHED"), "RECEIVED", 2);
        procedure("2005-07-01", "DRAFT");
        comments(procedure("2006-04-01", "PUBLISHED"), "RECEIVED", 1);

        List<YearlyFigure> result = figures.figures(2005, 2006);

        assertThat(value(result, ParticipationFigures.PROCEDURES, 2005)).isEqualTo(2);
        assertThat(value(result, ParticipationFigures.COMMENTS, 2005)).isEqualTo(5);
        assertThat(value(result, ParticipationFigures.PROCEDURES, 2006)).isEqualTo(1);
        assertThat(value(result, ParticipationFigures.COMMENTS, 2006)).isEqualTo(1);
    }

    private long procedure(String opensOn, String status) {
        LocalDate opens = LocalDate.parse(opensOn);
        return jdbc.sql("""
                        insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, created_by, created_at, updated_at)
                        values (-1, '集計テストの計画', '目的', :o, :c, :s, -1, now(), now()) returning id""")
                .param("o", opens).param("c", opens.plusDays(30)).param("s", status).query(Long.class).single();
    }

    private void comments(long procedure, String status, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into pc_comment (procedure_id, name, address, email, eligibility, body, status, created_at)
                            values (:p, '本庄 太郎', '本庄市', 'taro@example.jp', 'RESIDENT', '意見', :s, now())""")
                    .param("p", procedure).param("s", status).update();
        }
    }

    private static long value(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
