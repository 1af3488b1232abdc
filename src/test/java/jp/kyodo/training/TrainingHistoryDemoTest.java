package jp.kyodo.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

/** The demo history adds courses of the two fiscal years before this one, with registrations and attendance. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class TrainingHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired TrainingFigures figures;

    @Test
    void addsCoursesWithRegistrationsAndMostlyFullAttendance() {
        int thisYear = FiscalYear.current(clock.withZone(city.zone())).startYear();
        List<YearlyFigure> before = figures.figures(thisYear - 2, thisYear - 1);
        tx.executeWithoutResult(s -> new TrainingHistoryDemo(tx, jdbc, environment, accounts, clock, city).load(-1L, -1L));
        List<YearlyFigure> after = figures.figures(thisYear - 2, thisYear - 1);

        assertThat(delta(before, after, TrainingFigures.COURSES, thisYear - 2)).isEqualTo(3);
        assertThat(delta(before, after, TrainingFigures.REGISTRATIONS, thisYear - 2)).isEqualTo(14 + 18 + 12);
        assertThat(delta(before, after, TrainingFigures.COURSES, thisYear - 1)).isEqualTo(4);
        assertThat(delta(before, after, TrainingFigures.REGISTRATIONS, thisYear - 1)).isEqualTo(20 + 24 + 16 + 15);
        // Of the 14×3 + 18×2 + 12×4 places two years ago, one in six is missed.
        long attendance = delta(before, after, TrainingFigures.ATTENDANCE, thisYear - 2);
        assertThat(attendance).isBetween((14 * 3 + 18 * 2 + 12 * 4) * 4 / 6L, (14 * 3 + 18 * 2 + 12 * 4) - 1L);
    }

    private static long delta(List<YearlyFigure> before, List<YearlyFigure> after, String measure, int year) {
        return sum(after, measure, year) - sum(before, measure, year);
    }

    private static long sum(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
