package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The demo history adds two past yearly calls whose proposals, projects and costs show in the figures. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class CollaborationHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired CollaborationFigures figures;

    @Test
    void addsProposalsProjectsAndActualCostsOfTheTwoPastYears() {
        int thisYear = FiscalYear.current(clock.withZone(city.zone())).startYear();
        List<YearlyFigure> before = figures.figures(thisYear - 2, thisYear - 1);
        tx.executeWithoutResult(s -> new CollaborationHistoryDemo(tx, jdbc, environment, accounts, groups, clock, city)
                .load(-1L, "職員", -1L, List.of(-101L, -102L, -103L)));
        List<YearlyFigure> after = figures.figures(thisYear - 2, thisYear - 1);

        assertThat(delta(before, after, CollaborationFigures.PROPOSALS, CollaborationFigures.SUBMITTED, thisYear - 2)).isEqualTo(5);
        assertThat(delta(before, after, CollaborationFigures.PROPOSALS, CollaborationFigures.ADOPTED, thisYear - 2)).isEqualTo(3);
        assertThat(delta(before, after, CollaborationFigures.PROPOSALS, CollaborationFigures.NOT_ADOPTED, thisYear - 1)).isEqualTo(2);
        assertThat(delta(before, after, CollaborationFigures.PROJECTS_BY_STAGE, "COMPLETED", thisYear - 1)).isEqualTo(4);
        // Planned city share of last year's four projects: 300,000 + 200,000 + 100,000 + 80,000.
        assertThat(delta(before, after, CollaborationFigures.BUDGET, CollaborationFigures.CITY_SHARE, thisYear - 1)).isEqualTo(680_000);
        long actual = delta(before, after, CollaborationFigures.ACTUAL, CollaborationFigures.EXPENSES, thisYear - 1);
        long planned = delta(before, after, CollaborationFigures.BUDGET, CollaborationFigures.EXPENSES, thisYear - 1);
        assertThat(actual).isPositive().isNotEqualTo(planned).isBetween(planned * 9 / 10, planned * 11 / 10);
    }

    private static long delta(List<YearlyFigure> before, List<YearlyFigure> after, String measure, String category, int year) {
        return sum(after, measure, category, year) - sum(before, measure, category, year);
    }

    private static long sum(List<YearlyFigure> figures, String measure, String category, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.category().equals(category) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
