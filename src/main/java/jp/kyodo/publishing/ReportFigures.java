package jp.kyodo.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.kyodo.centre.CentreFigures;
import jp.kyodo.collaboration.CollaborationFigures;
import jp.kyodo.groups.RegistryFigures;
import jp.kyodo.participation.ParticipationFigures;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.YearlyFigure;
import jp.kyodo.support.SupportFigures;
import jp.kyodo.training.TrainingFigures;
import jp.kyodo.volunteering.VolunteeringFigures;
import org.springframework.stereotype.Component;

/**
 * Collects the owning modules' yearly figures: the report never counts anything itself. Counting over a national
 * registry takes long (tens of seconds over millions of rows), so the figures of a range of years are kept for
 * {@code kyodo.publishing.report-cache-ttl}: one request counts, at most one at a time per range, and everyone else
 * reads the kept figures (older ones while they are counted again). The report is a yearly summary; figures up to
 * a quarter of an hour old are what it promises.
 */
@Component
class ReportFigures {

    /** Figures of a range of years, as counted at a moment. */
    private record Counted(java.time.Instant at, List<YearlyFigure> figures) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Counted> counted = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Object> counting = new java.util.concurrent.ConcurrentHashMap<>();
    private java.time.Duration ttl = java.time.Duration.ofMinutes(15);

    @org.springframework.beans.factory.annotation.Autowired
    void ttl(@org.springframework.beans.factory.annotation.Value("${kyodo.publishing.report-cache-ttl:PT15M}") java.time.Duration ttl) {
        this.ttl = ttl;
    }

    /** How many fiscal years back the report looks for data, and how many a trend shows. */
    static final int YEARS_KEPT = 10;
    static final int TREND_YEARS = 5;

    private final RegistryFigures registry;
    private final CollaborationFigures collaboration;
    private final SupportFigures support;
    private final ParticipationFigures participation;
    private final TrainingFigures training;
    private final CentreFigures centre;
    private final VolunteeringFigures volunteering;
    private final Clock clock;
    private final CityProfile city;

    ReportFigures(RegistryFigures registry, CollaborationFigures collaboration, SupportFigures support, ParticipationFigures participation,
                  TrainingFigures training, CentreFigures centre, VolunteeringFigures volunteering, Clock clock, CityProfile city) {
        this.registry = registry;
        this.collaboration = collaboration;
        this.support = support;
        this.participation = participation;
        this.training = training;
        this.centre = centre;
        this.volunteering = volunteering;
        this.clock = clock;
        this.city = city;
    }

    /** All modules' figures of the fiscal years {@code from} to {@code to}, as counted within the last TTL. */
    List<YearlyFigure> figures(int from, int to) {
        if (ttl.isZero()) {
            return count(from, to);
        }
        String key = from + "-" + to;
        java.time.Instant now = clock.instant();
        Counted kept = counted.get(key);
        if (kept != null && kept.at().plus(ttl).isAfter(now)) {
            return kept.figures();
        }
        Object lock = counting.computeIfAbsent(key, k -> new Object());
        if (kept != null) {
            // Stale: one request counts again; the others take the kept figures meanwhile instead of waiting.
            if (!tryCount(key, lock, from, to)) {
                return kept.figures();
            }
            return counted.get(key).figures();
        }
        synchronized (lock) {
            Counted again = counted.get(key);
            if (again != null) {
                return again.figures();
            }
            List<YearlyFigure> figures = count(from, to);
            counted.put(key, new Counted(clock.instant(), figures));
            return figures;
        }
    }

    private final java.util.Set<String> recounting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Counts again unless another request already does; returns whether this one did. */
    private boolean tryCount(String key, Object lock, int from, int to) {
        if (!recounting.add(key)) {
            return false;
        }
        try {
            synchronized (lock) {
                counted.put(key, new Counted(clock.instant(), count(from, to)));
            }
            return true;
        } finally {
            recounting.remove(key);
        }
    }

    List<YearlyFigure> count(int from, int to) {
        List<YearlyFigure> all = new ArrayList<>();
        all.addAll(registry.figures(from, to));
        all.addAll(collaboration.figures(from, to));
        all.addAll(support.figures(from, to));
        all.addAll(participation.figures(from, to));
        all.addAll(training.figures(from, to));
        all.addAll(centre.figures(from, to));
        all.addAll(volunteering.figures(from, to));
        return List.copyOf(all);
    }

    /** Counts the current report's figures after start-up, in the background, so that its first reader does not wait. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void countAfterStart() {
        if (ttl.isZero()) {
            return;
        }
        Thread.ofVirtual().name("report-figures").start(() -> {
            try {
                List<Integer> years = yearsWithData();
                if (!years.isEmpty()) {
                    int latest = years.getLast();
                    figures(Math.max(years.getFirst(), latest - TREND_YEARS + 1), latest);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ReportFigures.class).warn("Counting the annual report after start-up failed: {}", e.toString());
            }
        });
    }

    /** The fiscal years up to the current one that have any figure other than zero, oldest first. */
    List<Integer> yearsWithData() {
        int current = FiscalYear.current(clock.withZone(city.zone())).startYear();
        TreeSet<Integer> years = new TreeSet<>();
        figures(current - YEARS_KEPT + 1, current).stream()
                .filter(f -> f.value().signum() != 0)
                .forEach(f -> years.add(f.fiscalYear()));
        return List.copyOf(years);
    }

    Map<String, String> fieldNames() {
        return registry.fieldNames();
    }
}
