package jp.kyodo.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of the registry for the annual report: the groups registered at the end of each fiscal year (or
 * today, for the year under way) by type, field and area, and the groups newly registered in the year.
 *
 * <p>A group counts while its registration is valid: registered on or before the day and valid until at least that
 * day, status registered or since expired. Dissolved and cancelled groups are left out, since the registry does not
 * keep the day on which they ended.
 */
@Service
@Transactional(readOnly = true)
public class RegistryFigures {

    public static final String BY_TYPE = "groups.byType";
    public static final String BY_FIELD = "groups.byField";
    public static final String BY_AREA = "groups.byArea";
    public static final String NEW = "groups.new";

    // :asOf is bound per year in Java: the fiscal year's last day, or today while the year runs.
    private static final String REGISTERED_ON_DAY = """
            g.status in ('REGISTERED', 'EXPIRED') and g.registered_on <= :asOf
            and (g.valid_until is null or g.valid_until >= :asOf)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CityProfile city;

    RegistryFigures(JdbcClient jdbc, Clock clock, CityProfile city) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.city = city;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years), categories with none left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        for (int year = fromYear; year <= toYear; year++) {
            LocalDate end = LocalDate.of(year + 1, 3, 31);
            LocalDate asOf = end.isAfter(today) ? today : end;
            if (asOf.isBefore(LocalDate.of(year, 4, 1))) {
                continue;
            }
            int y = year;
            jdbc.sql("select g.type, count(*) from civic_group g where " + REGISTERED_ON_DAY + " group by g.type order by g.type")
                    .param("asOf", asOf)
                    .query((rs, n) -> YearlyFigure.of(BY_TYPE, rs.getString(1), null, y, rs.getLong(2)))
                    .list().forEach(figures::add);
            jdbc.sql("""
                            select f.code, f.name, count(*) from civic_group g
                            join civic_group_field gf on gf.group_id = g.id join activity_field f on f.code = gf.field_code
                            where """ + " " + REGISTERED_ON_DAY + " group by f.code, f.name, f.sort_order order by f.sort_order")
                    .param("asOf", asOf)
                    .query((rs, n) -> YearlyFigure.of(BY_FIELD, rs.getString(1), rs.getString(2), y, rs.getLong(3)))
                    .list().forEach(figures::add);
            jdbc.sql("""
                            select coalesce(a.code, 'none'), a.name, count(*) from civic_group g
                            left join activity_area a on a.code = g.area_code
                            where """ + " " + REGISTERED_ON_DAY + " group by a.code, a.name, a.sort_order order by a.sort_order nulls last")
                    .param("asOf", asOf)
                    .query((rs, n) -> YearlyFigure.of(BY_AREA, rs.getString(1), rs.getString(2), y, rs.getLong(3)))
                    .list().forEach(figures::add);
            jdbc.sql("""
                            select g.type, count(*) from civic_group g
                            where g.registered_on between :from and :to and g.status in ('REGISTERED', 'EXPIRED', 'DISSOLVED', 'CANCELLED')
                            group by g.type order by g.type""")
                    .param("from", LocalDate.of(year, 4, 1)).param("to", asOf)
                    .query((rs, n) -> YearlyFigure.of(NEW, rs.getString(1), null, y, rs.getLong(2)))
                    .list().forEach(figures::add);
        }
        return figures;
    }

    /** The activity fields' Japanese names by code, for other modules' figures that are broken down by field. */
    public Map<String, String> fieldNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from activity_field order by sort_order")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}
