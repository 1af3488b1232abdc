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

/** Collects the owning modules' yearly figures: the report never counts anything itself. */
@Component
class ReportFigures {

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

    /** All modules' figures of the fiscal years {@code from} to {@code to}. */
    List<YearlyFigure> figures(int from, int to) {
        List<YearlyFigure> all = new ArrayList<>();
        all.addAll(registry.figures(from, to));
        all.addAll(collaboration.figures(from, to));
        all.addAll(support.figures(from, to));
        all.addAll(participation.figures(from, to));
        all.addAll(training.figures(from, to));
        all.addAll(centre.figures(from, to));
        all.addAll(volunteering.figures(from, to));
        return all;
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
