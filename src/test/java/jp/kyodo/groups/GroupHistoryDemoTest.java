package jp.kyodo.groups;

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

/** The demo history adds groups registered in the two fiscal years before this one, counted by the registry's figures. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class GroupHistoryDemoTest {

    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Accounts accounts;
    @Autowired GroupRegistry registry;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired RegistryFigures figures;

    @Test
    void addsSixGroupsTwoYearsAgoAndThreeLastYear() {
        int thisYear = FiscalYear.current(clock.withZone(city.zone())).startYear();
        List<YearlyFigure> before = figures.figures(thisYear - 2, thisYear);
        int added = tx.execute(s -> new GroupHistoryDemo(tx, jdbc, environment, accounts, registry, clock, city).load(-1L));
        List<YearlyFigure> after = figures.figures(thisYear - 2, thisYear);

        assertThat(added).isEqualTo(9);
        assertThat(sum(after, RegistryFigures.NEW, thisYear - 2) - sum(before, RegistryFigures.NEW, thisYear - 2)).isEqualTo(6);
        assertThat(sum(after, RegistryFigures.NEW, thisYear - 1) - sum(before, RegistryFigures.NEW, thisYear - 1)).isEqualTo(3);
        // Renewed groups are still registered today; the three not renewed have expired.
        assertThat(sum(after, RegistryFigures.BY_TYPE, thisYear) - sum(before, RegistryFigures.BY_TYPE, thisYear)).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from civic_group where name = '北泉子ども会' and status = 'EXPIRED'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static long sum(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
