package jp.kyodo.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo history books the rooms every third day two years ago and every second day last year. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class CentreHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired CentreFigures figures;

    @Test
    void usesTheRoomsMoreLastYearThanTheYearBefore() {
        FiscalYear thisYear = FiscalYear.current(clock.withZone(city.zone()));
        FiscalYear twoAgo = thisYear.previous().previous();
        FiscalYear lastYear = thisYear.previous();
        List<YearlyFigure> before = figures.figures(twoAgo.startYear(), lastYear.startYear());
        int added = tx.execute(s -> new CentreHistoryDemo(tx, jdbc, environment, accounts, clock, city).load(-1L));
        List<YearlyFigure> after = figures.figures(twoAgo.startYear(), lastYear.startYear());

        // From the third day of the year, every third (then second) day up to 31 March.
        long daysTwoAgo = ChronoUnit.DAYS.between(twoAgo.start(), twoAgo.end()) + 1;
        long daysLast = ChronoUnit.DAYS.between(lastYear.start(), lastYear.end()) + 1;
        long expectedTwoAgo = (daysTwoAgo - 1 - 2) / 3 + 1;
        long expectedLast = (daysLast - 1 - 2) / 2 + 1;
        assertThat(added).isEqualTo(expectedTwoAgo + expectedLast);
        assertThat(delta(before, after, CentreFigures.BOOKINGS, twoAgo.startYear())).isEqualByComparingTo(BigDecimal.valueOf(expectedTwoAgo));
        assertThat(delta(before, after, CentreFigures.BOOKINGS, lastYear.startYear())).isEqualByComparingTo(BigDecimal.valueOf(expectedLast));
        // Two, three or four hours each.
        assertThat(delta(before, after, CentreFigures.HOURS, lastYear.startYear()))
                .isBetween(BigDecimal.valueOf(expectedLast * 2), BigDecimal.valueOf(expectedLast * 4));
    }

    private static BigDecimal delta(List<YearlyFigure> before, List<YearlyFigure> after, String measure, int year) {
        return sum(after, measure, year).subtract(sum(before, measure, year));
    }

    private static BigDecimal sum(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .map(YearlyFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
