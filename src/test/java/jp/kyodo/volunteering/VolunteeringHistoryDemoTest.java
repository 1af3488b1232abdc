package jp.kyodo.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo history adds confirmed volunteer hours of the two fiscal years before this one. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class VolunteeringHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired VolunteeringFigures figures;

    @Test
    void addsConfirmedHoursOfThePastOpportunities() {
        int thisYear = FiscalYear.current(clock.withZone(city.zone())).startYear();
        List<YearlyFigure> before = figures.figures(thisYear - 2, thisYear - 1);
        tx.executeWithoutResult(s -> new VolunteeringHistoryDemo(tx, jdbc, environment, accounts, groups, clock, city)
                .load(List.of(-1L, -2L), -1L));
        List<YearlyFigure> after = figures.figures(thisYear - 2, thisYear - 1);

        // Two years ago: clean-up 2 shifts × 12 less 2 absent, 2 h; summer class 3 × 6 less 2, 3 h; festival 2 × 15 less 4, 4 h.
        assertThat(delta(before, after, VolunteeringFigures.ATTENDANCES, thisYear - 2)).isEqualByComparingTo("64");
        assertThat(delta(before, after, VolunteeringFigures.HOURS, thisYear - 2)).isEqualByComparingTo("196");
        assertThat(delta(before, after, VolunteeringFigures.HOURS, thisYear - 1)).isGreaterThan(new BigDecimal("196"));
    }

    private static BigDecimal delta(List<YearlyFigure> before, List<YearlyFigure> after, String measure, int year) {
        return sum(after, measure, year).subtract(sum(before, measure, year));
    }

    private static BigDecimal sum(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .map(YearlyFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
