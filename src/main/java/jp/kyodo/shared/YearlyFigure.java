package jp.kyodo.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure of a module's yearly statistics, read from its own tables for the annual report (年度報告).
 *
 * @param measure what is counted, e.g. {@code groups.byType}
 * @param category the category within the measure: an enum name or a code (e.g. {@code CIVIC}), or {@code all}
 * @param categoryName the category's Japanese name where the module keeps one (fields, areas, rooms), else null
 * @param fiscalYear the start year of the fiscal year (年度) the figure belongs to
 * @param value the count, sum of yen, hours or percentage
 */
public record YearlyFigure(String measure, String category, String categoryName, int fiscalYear, BigDecimal value) {

    /** The category of a measure that is not broken down. */
    public static final String ALL = "all";

    public YearlyFigure {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
    }

    public static YearlyFigure of(String measure, String category, String categoryName, int fiscalYear, long value) {
        return new YearlyFigure(measure, category, categoryName, fiscalYear, BigDecimal.valueOf(value));
    }

    /** A SQL expression for the fiscal year's start year of a date expression: April to March, so shift back 3 months. */
    public static String fiscalYearSql(String dateExpression) {
        return "extract(year from (" + dateExpression + ") - interval '3 months')::int";
    }
}
