package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annual report's figures are counted once per period and shared: readers at the same moment get the same
 * counted figures; with the period at zero (as in the other tests) each read counts again.
 */
@IntegrationTest
class ReportFiguresCacheTest {

    @Autowired ReportFigures figures;
    @Autowired jp.kyodo.TestPeople people;

    @AfterEach
    void countEveryTime() {
        figures.ttl(Duration.ZERO);
    }

    @Test
    void figuresAreCountedOncePerPeriodAndShared() throws Exception {
        people.registeredGroup("年度報告の会", people.account("report-cache", null).accountId());
        int year = jp.kyodo.shared.FiscalYear.current(java.time.Clock.system(java.time.ZoneId.of("Asia/Tokyo"))).startYear();
        figures.ttl(Duration.ZERO);
        assertThat(figures.figures(year - 4, year)).isEqualTo(figures.count(year - 4, year)).isNotEmpty();

        figures.ttl(Duration.ofMinutes(15));
        var pool = Executors.newFixedThreadPool(8);
        try {
            Callable<List<YearlyFigure>> read = () -> figures.figures(year - 5, year);
            List<Future<List<YearlyFigure>>> reads = pool.invokeAll(java.util.Collections.nCopies(8, read));
            List<YearlyFigure> first = reads.getFirst().get();
            assertThat(first).isNotEmpty();
            for (Future<List<YearlyFigure>> r : reads) {
                assertThat(r.get()).isSameAs(first);
            }
            assertThat(figures.figures(year - 5, year)).isSameAs(first).isEqualTo(figures.count(year - 5, year));
        } finally {
            pool.shutdown();
        }
    }
}
