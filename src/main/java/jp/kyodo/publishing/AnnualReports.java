package jp.kyodo.publishing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import jp.kyodo.centre.CentreFigures;
import jp.kyodo.collaboration.CollaborationFigures;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.groups.RegistryFigures;
import jp.kyodo.participation.ParticipationFigures;
import jp.kyodo.publishing.AnnualReport.Chart;
import jp.kyodo.publishing.AnnualReport.Headline;
import jp.kyodo.publishing.AnnualReport.Section;
import jp.kyodo.publishing.AnnualReport.Series;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.YearlyFigure;
import jp.kyodo.support.SupportFigures;
import jp.kyodo.training.TrainingFigures;
import jp.kyodo.volunteering.VolunteeringFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Assembles the annual report of a fiscal year from the modules' figures, as a page, a CSV and a PDF. */
@Service
class AnnualReports {

    private final ReportFigures source;
    private final MessageSource messages;
    private final PdfDocuments pdf;

    AnnualReports(ReportFigures source, MessageSource messages, PdfDocuments pdf) {
        this.source = source;
        this.messages = messages;
        this.pdf = pdf;
    }

    /** The latest fiscal year with data, if any has. */
    Optional<Integer> latestYear() {
        List<Integer> years = source.yearsWithData();
        return years.isEmpty() ? Optional.empty() : Optional.of(years.getLast());
    }

    /** The report of the fiscal year, or empty when that year has no data. */
    Optional<AnnualReport> report(int year, Locale locale) {
        List<Integer> years = source.yearsWithData();
        if (!years.contains(year)) {
            return Optional.empty();
        }
        int from = Math.max(years.getFirst(), year - ReportFigures.TREND_YEARS + 1);
        return Optional.of(new Builder(year, from, source.figures(from, year), locale).build(years));
    }

    /** The figures of the report as CSV lines after the heading: section, item, category, fiscal year, value. */
    List<String> csv(AnnualReport report, Locale locale) {
        int from = Math.max(report.years().getFirst().year(), report.year() - ReportFigures.TREND_YEARS + 1);
        Builder labels = new Builder(report.year(), from, List.of(), locale);
        List<String> lines = new ArrayList<>();
        for (YearlyFigure f : source.figures(from, report.year())) {
            lines.add(Csv.row(List.of(labels.text("report.section." + sectionOf(f.measure())),
                    labels.text("report.measure." + f.measure()), labels.category(f), String.valueOf(f.fiscalYear()),
                    f.value().toPlainString())));
        }
        return lines;
    }

    List<String> csvHeadings(Locale locale) {
        return List.of("section", "item", "category", "year", "value").stream()
                .map(h -> messages.getMessage("report.csv." + h, null, locale)).toList();
    }

    byte[] pdf(AnnualReport report, Locale locale) {
        return pdf.render("publishing/pdf/annual-report", Map.of("report", report), locale);
    }

    private static String sectionOf(String measure) {
        if (measure.equals(CollaborationFigures.BUDGET) || measure.equals(CollaborationFigures.BUDGET_OF_COMPLETED) || measure.equals(CollaborationFigures.ACTUAL) || measure.startsWith("subsidies.")) {
            return "budget";
        }
        return measure.substring(0, measure.indexOf('.'));
    }

    /** Builds the sections of one report; resolves every label in the reader's language. */
    private final class Builder {

        private final int year;
        private final List<Integer> trendYears = new ArrayList<>();
        private final List<YearlyFigure> figures;
        private final Locale locale;
        private final NumberFormat numbers;
        private Map<String, String> fieldNames;

        Builder(int year, int from, List<YearlyFigure> figures, Locale locale) {
            this.year = year;
            for (int y = from; y <= year; y++) {
                trendYears.add(y);
            }
            this.figures = figures;
            this.locale = locale;
            this.numbers = NumberFormat.getNumberInstance(locale);
            this.numbers.setMaximumFractionDigits(1);
        }

        AnnualReport build(List<Integer> years) {
            List<Section> sections = List.of(
                    section("groups",
                            List.of(headline(RegistryFigures.BY_TYPE, all(), "groups"), headline(RegistryFigures.NEW, all(), "groups")),
                            trendByCategory("groupsTrend", "stacked", RegistryFigures.BY_TYPE, "groups"),
                            breakdown("groupsByField", RegistryFigures.BY_FIELD, "groups", "report.row.field"),
                            breakdown("groupsByArea", RegistryFigures.BY_AREA, "groups", "report.row.area")),
                    section("projects",
                            List.of(headline(CollaborationFigures.PROJECTS_BY_STAGE, all(), "projects")),
                            breakdown("projectsByForm", CollaborationFigures.PROJECTS_BY_FORM, "projects", "report.row.form"),
                            breakdown("projectsByField", CollaborationFigures.PROJECTS_BY_FIELD, "projects", "report.row.field"),
                            breakdown("projectsByStage", CollaborationFigures.PROJECTS_BY_STAGE, "projects", "report.row.stage")),
                    section("proposals",
                            List.of(headline("report.headline.proposals.submitted", CollaborationFigures.PROPOSALS, is(CollaborationFigures.SUBMITTED), "proposals"),
                                    headline("report.headline.proposals.adopted", CollaborationFigures.PROPOSALS, is(CollaborationFigures.ADOPTED), "proposals"),
                                    headline(CollaborationFigures.ADOPTION_RATE, all(), "percent")),
                            trendByCategory("proposalsTrend", "bar", CollaborationFigures.PROPOSALS, "proposals"),
                            trendOfMeasures("adoptionTrend", "line", "percent", CollaborationFigures.ADOPTION_RATE)),
                    section("budget",
                            List.of(headline("report.headline.budget", CollaborationFigures.BUDGET, is(CollaborationFigures.EXPENSES), "yen"),
                                    headline("report.headline.budgetCompleted", CollaborationFigures.BUDGET_OF_COMPLETED, is(CollaborationFigures.EXPENSES), "yen"),
                                    headline("report.headline.actual", CollaborationFigures.ACTUAL, is(CollaborationFigures.EXPENSES), "yen"),
                                    headline("report.headline.subsidies", SupportFigures.AMOUNTS, is(SupportFigures.GRANTED), "yen")),
                            budgetTrend(), trendByCategory("subsidyTrend", "bar", SupportFigures.AMOUNTS, "yen")),
                    section("publicComments",
                            List.of(headline(ParticipationFigures.PROCEDURES, all(), "procedures"),
                                    headline(ParticipationFigures.COMMENTS, all(), "comments")),
                            trendOfMeasures("commentsTrend", "bar", "count", ParticipationFigures.PROCEDURES, ParticipationFigures.COMMENTS)),
                    section("training",
                            List.of(headline(TrainingFigures.COURSES, all(), "courses"),
                                    headline(TrainingFigures.ATTENDANCE, all(), "people")),
                            trendOfMeasures("trainingTrend", "bar", "people", TrainingFigures.REGISTRATIONS, TrainingFigures.ATTENDANCE)),
                    section("centre",
                            List.of(headline(CentreFigures.BOOKINGS, all(), "bookings"), headline(CentreFigures.HOURS, all(), "hours")),
                            breakdown("centreByRoom", CentreFigures.HOURS, "hours", "report.row.room"),
                            trendOfMeasures("centreTrend", "bar", "count", CentreFigures.BOOKINGS)),
                    section("volunteering",
                            List.of(headline(VolunteeringFigures.HOURS, all(), "hours"),
                                    headline(VolunteeringFigures.ATTENDANCES, all(), "people")),
                            trendOfMeasures("volunteeringTrend", "line", "hours", VolunteeringFigures.HOURS)));
            return new AnnualReport(year, fullLabel(year), years.stream().map(y -> new AnnualReport.Year(y, fullLabel(y))).toList(), sections);
        }

        private Section section(String id, List<Headline> headlines, Chart... charts) {
            return new Section(id, text("report.section." + id), headlines, List.of(charts));
        }

        private Predicate<YearlyFigure> all() {
            return f -> true;
        }

        private Predicate<YearlyFigure> is(String category) {
            return f -> f.category().equals(category);
        }

        private BigDecimal sum(String measure, Predicate<YearlyFigure> which, int fiscalYear) {
            return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == fiscalYear).filter(which)
                    .map(YearlyFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private Headline headline(String measure, Predicate<YearlyFigure> which, String unit) {
            return headline("report.headline." + measure, measure, which, unit);
        }

        private Headline headline(String labelKey, String measure, Predicate<YearlyFigure> which, String unit) {
            String label = text(labelKey);
            BigDecimal now = sum(measure, which, year);
            String change = null;
            if (trendYears.contains(year - 1)) {
                BigDecimal diff = now.subtract(sum(measure, which, year - 1));
                change = text("report.change", (diff.signum() > 0 ? "+" : diff.signum() < 0 ? "−" : "±")
                        + numbers.format(diff.abs()));
            }
            return new Headline(label, text("report.unit." + unit, numbers.format(now)), change);
        }

        /** Years as rows, one series per category of the measure. */
        private Chart trendByCategory(String id, String kind, String measure, String unit) {
            Map<String, String> categories = new LinkedHashMap<>();
            figures.stream().filter(f -> f.measure().equals(measure)).forEach(f -> categories.putIfAbsent(f.category(), category(f)));
            List<Series> series = new ArrayList<>();
            categories.forEach((code, name) -> series.add(series(name, trendYears.stream()
                    .map(y -> sum(measure, is(code), y)).toList())));
            return chart(id, kind, unit, "report.row.year", yearRows(), series);
        }

        /** Years as rows, one series per measure (all its categories added up). */
        private Chart trendOfMeasures(String id, String kind, String unit, String... measures) {
            List<Series> series = new ArrayList<>();
            for (String measure : measures) {
                series.add(series(text("report.measure." + measure), trendYears.stream().map(y -> sum(measure, all(), y)).toList()));
            }
            return chart(id, kind, unit, "report.row.year", yearRows(), series);
        }

        private Chart budgetTrend() {
            List<Series> series = new ArrayList<>();
            // The actual costs are those of completed projects, so the planned costs of the same projects stand beside them.
            for (String measure : List.of(CollaborationFigures.BUDGET, CollaborationFigures.BUDGET_OF_COMPLETED, CollaborationFigures.ACTUAL)) {
                for (String category : List.of(CollaborationFigures.EXPENSES, CollaborationFigures.CITY_SHARE)) {
                    series.add(series(text("report.measure." + measure) + "(" + text("report.budget." + category) + ")",
                            trendYears.stream().map(y -> sum(measure, is(category), y)).toList()));
                }
            }
            return chart("budgetTrend", "bar", "yen", "report.row.year", yearRows(), series);
        }

        /** The categories of the report's year as rows, one series. */
        private Chart breakdown(String id, String measure, String unit, String rowHeading) {
            List<YearlyFigure> ofYear = figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year).toList();
            List<String> rows = ofYear.stream().map(this::category).toList();
            Series one = series(text("report.measure." + measure), ofYear.stream().map(YearlyFigure::value).toList());
            return chart(id, "bar", unit, rowHeading, rows, List.of(one));
        }

        private Chart chart(String id, String kind, String unit, String rowHeading, List<String> rows, List<Series> series) {
            return new Chart(id, text("report.chart." + id, shortLabel(year)), kind,
                    text("report.unitName." + unit), text(rowHeading), rows, series);
        }

        private Series series(String name, List<BigDecimal> values) {
            return new Series(name, values, values.stream().map(numbers::format).toList());
        }

        private List<String> yearRows() {
            return trendYears.stream().map(this::shortLabel).toList();
        }

        /** 令和7年度(2025年度) in Japanese, FY2025 in English. */
        private String fullLabel(int fiscalYear) {
            return english() ? "FY" + fiscalYear : new FiscalYear(fiscalYear).label();
        }

        /** 令和7年度 in Japanese, FY2025 in English. */
        private String shortLabel(int fiscalYear) {
            return english() ? "FY" + fiscalYear : new FiscalYear(fiscalYear).japaneseLabel();
        }

        private boolean english() {
            return "en".equals(locale.getLanguage());
        }

        String category(YearlyFigure f) {
            if (f.categoryName() != null) {
                return f.categoryName();
            }
            String c = f.category();
            return switch (f.measure()) {
                case RegistryFigures.BY_TYPE, RegistryFigures.NEW -> text("groupType." + c);
                case RegistryFigures.BY_AREA -> text("report.category.noArea");
                case CollaborationFigures.PROJECTS_BY_FORM -> "NONE".equals(c) ? text("report.category.noForm") : text("collaborationForm." + c);
                case CollaborationFigures.PROJECTS_BY_STAGE -> text("projectStatus." + c);
                case CollaborationFigures.PROJECTS_BY_FIELD -> fieldName(c);
                case CollaborationFigures.PROPOSALS -> text("report.proposals." + c);
                case CollaborationFigures.BUDGET, CollaborationFigures.BUDGET_OF_COMPLETED, CollaborationFigures.ACTUAL -> text("report.budget." + c);
                case SupportFigures.AMOUNTS -> text("report.subsidies." + c);
                default -> text("report.category.all");
            };
        }

        private String fieldName(String code) {
            if (fieldNames == null) {
                fieldNames = source.fieldNames();
            }
            return fieldNames.getOrDefault(code, code);
        }

        String text(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }
    }
}
