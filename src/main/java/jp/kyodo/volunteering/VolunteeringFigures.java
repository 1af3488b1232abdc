package jp.kyodo.volunteering;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of volunteering for the annual report, by the fiscal year of the shift: the hours the groups
 * confirmed and the number of confirmed attendances (one per person and shift).
 */
@Service
@Transactional(readOnly = true)
public class VolunteeringFigures {

    public static final String HOURS = "volunteering.hours";
    public static final String ATTENDANCES = "volunteering.attendances";

    private final JdbcClient jdbc;

    VolunteeringFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years); years without any left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        String year = YearlyFigure.fiscalYearSql("s.held_on");
        jdbc.sql("select " + year + " as fy, coalesce(sum(a.hours), 0), count(*) from vol_application a "
                        + "join vol_shift s on s.id = a.shift_id "
                        + "where a.attended and a.confirmed_at is not null and " + year + " between :from and :to group by fy order by fy")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(new YearlyFigure(HOURS, YearlyFigure.ALL, null, rs.getInt(1), rs.getBigDecimal(2).stripTrailingZeros()));
                    figures.add(YearlyFigure.of(ATTENDANCES, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(3)));
                    return 0;
                }).list();
        return figures;
    }
}
