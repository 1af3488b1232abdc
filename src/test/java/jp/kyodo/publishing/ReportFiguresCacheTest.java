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

    @AfterEach
    void countEveryTime() {
        figures.ttl(Duration.ZERO);
    }

    @Test
    void figuresAreCountedOncePerPeriodAndShared() throws Exception {
        figures.ttl(Duration.ZERO);
        assertThat(figures.figures(2022, 2026)).isEqualTo(figures.count(2022, 2026));

        figures.ttl(Duration.ofMinutes(15));
        var pool = Executors.newFixedThreadPool(8);
        try {
            Callable<List<YearlyFigure>> read = () -> figures.figures(2021, 2026);
            List<Future<List<YearlyFigure>>> reads = pool.invokeAll(java.util.Collections.nCopies(8, read));
            List<YearlyFigure> first = reads.getFirst().get();
            for (Future<List<YearlyFigure>> r : reads) {
                assertThat(r.get()).isSameAs(first);
            }
            assertThat(figures.figures(2021, 2026)).isSameAs(first).isEqualTo(figures.count(2021, 2026));
        } finally {
            pool.shutdown();
        }
    }
}
