package jp.kyodo.participation;

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

/** The demo history adds public comments of the two fiscal years before this one, with their results published. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class ParticipationHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired ParticipationFigures figures;

    @Test
    void addsThreeAndFourProceduresWithTheirComments() {
        int thisYear = FiscalYear.current(clock.withZone(city.zone())).startYear();
        List<YearlyFigure> before = figures.figures(thisYear - 2, thisYear - 1);
        tx.executeWithoutResult(s -> new ParticipationHistoryDemo(tx, jdbc, environment, accounts, clock, city).load(-1L, -1L));
        List<YearlyFigure> after = figures.figures(thisYear - 2, thisYear - 1);

        assertThat(delta(before, after, ParticipationFigures.PROCEDURES, thisYear - 2)).isEqualTo(3);
        assertThat(delta(before, after, ParticipationFigures.COMMENTS, thisYear - 2)).isEqualTo(14 + 9 + 5);
        assertThat(delta(before, after, ParticipationFigures.PROCEDURES, thisYear - 1)).isEqualTo(4);
        assertThat(delta(before, after, ParticipationFigures.COMMENTS, thisYear - 1)).isEqualTo(18 + 11 + 7 + 21);
    }

    private static long delta(List<YearlyFigure> before, List<YearlyFigure> after, String measure, int year) {
        return sum(after, measure, year) - sum(before, measure, year);
    }

    private static long sum(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
