package jp.kyodo.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The annual report (年度報告) of one fiscal year, its labels resolved: sections of headline figures and charts, each
 * chart with the data its table shows.
 *
 * @param year the fiscal year's start year
 * @param label the fiscal year's name, e.g. 令和7年度(2025年度)
 * @param years the fiscal years with data, for the year switcher, oldest first
 * @param sections the sections in reading order
 */
public record AnnualReport(int year, String label, List<Year> years, List<Section> sections) {

    /** A fiscal year of the year switcher. */
    public record Year(int year, String label) {
    }

    /** A section of the report, e.g. the registered groups. */
    public record Section(String id, String title, List<Headline> headlines, List<Chart> charts) {
    }

    /** A headline figure of the year, with the change from the year before where there was one. */
    public record Headline(String label, String value, String change) {
    }

    /**
     * A chart and its table: one column of values per series, one row per category (the years of a trend, or the
     * categories of the year).
     *
     * @param kind {@code bar}, {@code stacked} or {@code line}
     * @param rowHeading the heading of the table's first column (年度, 分野, …)
     */
    public record Chart(String id, String title, String kind, String unit, String rowHeading, List<String> rows, List<Series> series) {

        /** The chart's data as JSON for the script that draws it (labels and numbers only). */
        public String json() {
            StringBuilder out = new StringBuilder("{\"kind\":").append(quote(kind)).append(",\"unit\":").append(quote(unit))
                    .append(",\"rows\":[");
            for (int i = 0; i < rows.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quote(rows.get(i)));
            }
            out.append("],\"series\":[");
            for (int s = 0; s < series.size(); s++) {
                Series one = series.get(s);
                out.append(s == 0 ? "" : ",").append("{\"name\":").append(quote(one.name())).append(",\"values\":[");
                for (int i = 0; i < one.values().size(); i++) {
                    out.append(i == 0 ? "" : ",").append(one.values().get(i).toPlainString());
                }
                out.append("]}");
            }
            return out.append("]}").toString();
        }

        /** The largest value in the chart, or one when all are zero: the full length of a bar in the PDF. */
        public BigDecimal max() {
            return series.stream().flatMap(s -> s.values().stream()).reduce(BigDecimal.ONE, BigDecimal::max);
        }

        /** A value's bar length as a percentage of the largest, for the PDF's bars drawn as sized blocks. */
        public int percent(BigDecimal value) {
            return value.multiply(BigDecimal.valueOf(100)).divide(max(), 0, RoundingMode.HALF_UP).intValue();
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }

    /** One series of a chart, its values in the order of the chart's rows; {@code display} are the values as shown. */
    public record Series(String name, List<BigDecimal> values, List<String> display) {
    }
}
