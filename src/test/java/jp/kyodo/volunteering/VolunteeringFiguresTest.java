package jp.kyodo.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Confirmed volunteer hours of FY2008 and FY2009 (no other test uses them), added up by hand. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class VolunteeringFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired VolunteeringFigures figures;

    @Test
    void addsUpConfirmedHoursOfAttendedShiftsByTheShiftsFiscalYear() {
        long opportunity = jdbc.sql("""
                        insert into vol_opportunity (group_id, title, description, place, apply_by, status, created_by, created_at, updated_at)
                        values (-1, '集計テストの募集', '説明', '会場', '2008-05-01', 'CLOSED', -1, now(), now()) returning id""")
                .query(Long.class).single();
        long june = shift(opportunity, "2008-06-01");
        long march = shift(opportunity, "2009-03-31");
        long april = shift(opportunity, "2009-04-01");
        application(opportunity, june, true, "2.5", true);
        application(opportunity, june, true, "3.0", true);
        application(opportunity, june, false, null, true);
        application(opportunity, june, true, "2.0", false);
        application(opportunity, march, true, "1.5", true);
        application(opportunity, april, true, "4.0", true);

        List<YearlyFigure> result = figures.figures(2008, 2009);

        assertThat(value(result, VolunteeringFigures.HOURS, 2008)).isEqualByComparingTo("7.0");
        assertThat(value(result, VolunteeringFigures.ATTENDANCES, 2008)).isEqualByComparingTo("3");
        assertThat(value(result, VolunteeringFigures.HOURS, 2009)).isEqualByComparingTo("4");
        assertThat(value(result, VolunteeringFigures.ATTENDANCES, 2009)).isEqualByComparingTo("1");
    }

    private long shift(long opportunity, String day) {
        return jdbc.sql("""
                        insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity)
                        values (:o, :d, '09:00', '13:00', 10) returning id""")
                .param("o", opportunity).param("d", LocalDate.parse(day)).query(Long.class).single();
    }

    private void application(long opportunity, long shift, boolean attended, String hours, boolean confirmed) {
        jdbc.sql("""
                        insert into vol_application (shift_id, opportunity_id, applicant_name, status, attended, hours, confirmed_at,
                            created_at, updated_at)
                        values (:s, :o, '参加者', 'ACCEPTED', :a, :h, :c, now(), now())""")
                .param("s", shift).param("o", opportunity).param("a", attended)
                .param("h", hours == null ? null : new BigDecimal(hours))
                .param("c", confirmed ? java.sql.Timestamp.valueOf("2009-05-01 12:00:00") : null).update();
    }

    private static BigDecimal value(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .map(YearlyFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
