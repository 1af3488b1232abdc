package jp.kyodo.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bookings and hours of a room of its own in FY2007 and FY2008 (no other test uses them), by the day in Japan. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class CentreFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired CentreFigures figures;

    @Test
    void countsLiveBookingsAndHoursPerRoomByTheFiscalYearOfTheDayInJapan() {
        String code = "cf-" + UUID.randomUUID().toString().substring(0, 8);
        long room = jdbc.sql("""
                        insert into centre_room (code, name, capacity, activity_rate, standard_rate, sort_order, active)
                        values (:c, '集計テスト室', 10, 100, 200, 900, false) returning id""")
                .param("c", code).query(Long.class).single();
        booking(room, "2007-04-01T10:00+09:00", 2, "PAID");
        // 23:00 on 31 March in Japan is still FY2007, although it is 14:00 UTC.
        booking(room, "2008-03-31T23:00+09:00", 1, "BOOKED");
        booking(room, "2007-05-01T10:00+09:00", 3, "CANCELLED");
        // 00:30 on 1 April in Japan is FY2008, although it is still 31 March in UTC.
        booking(room, "2008-04-01T00:30+09:00", 1, "PAID");

        List<YearlyFigure> result = figures.figures(2007, 2008);

        assertThat(value(result, CentreFigures.BOOKINGS, code, 2007)).isEqualByComparingTo("2");
        assertThat(value(result, CentreFigures.HOURS, code, 2007)).isEqualByComparingTo("3");
        assertThat(value(result, CentreFigures.BOOKINGS, code, 2008)).isEqualByComparingTo("1");
        assertThat(value(result, CentreFigures.HOURS, code, 2008)).isEqualByComparingTo("1");
        assertThat(result).filteredOn(f -> f.category().equals(code)).allSatisfy(f -> assertThat(f.categoryName()).isEqualTo("集計テスト室"));
    }

    private void booking(long room, String start, int hours, String status) {
        OffsetDateTime starts = OffsetDateTime.parse(start);
        jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                            payment_due_on, created_at)
                        values (:r, :s, :e, -1, '集計テスト', '会議', 5, 100, :fee, :st, :due, now())""")
                .param("r", room).param("s", starts).param("e", starts.plusHours(hours)).param("fee", 100L * hours)
                .param("st", status).param("due", starts.toLocalDate()).update();
    }

    private static BigDecimal value(List<YearlyFigure> figures, String measure, String room, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.category().equals(room) && f.fiscalYear() == year)
                .map(YearlyFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
