package jp.kyodo.centre;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of the centre's use for the annual report: live bookings (booked or paid, not cancelled or expired)
 * and their hours, by room and by the fiscal year of the day used, in the city's time zone.
 */
@Service
@Transactional(readOnly = true)
public class CentreFigures {

    public static final String BOOKINGS = "centre.bookings";
    public static final String HOURS = "centre.hours";

    private final JdbcClient jdbc;
    private final CityProfile city;

    CentreFigures(JdbcClient jdbc, CityProfile city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years), rooms without any left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        String year = YearlyFigure.fiscalYearSql("(b.starts_at at time zone :zone)::date");
        jdbc.sql("select " + year + " as fy, r.code, r.name, count(*), "
                        + "sum(extract(epoch from b.ends_at - b.starts_at)) / 3600 from centre_booking b join centre_room r on r.id = b.room_id "
                        + "where b.status in ('BOOKED', 'PAID') and " + year + " between :from and :to "
                        + "group by fy, r.code, r.name, r.sort_order order by fy, r.sort_order")
                .param("zone", city.zone().getId()).param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(YearlyFigure.of(BOOKINGS, rs.getString(2), rs.getString(3), rs.getInt(1), rs.getLong(4)));
                    figures.add(new YearlyFigure(HOURS, rs.getString(2), rs.getString(3), rs.getInt(1),
                            rs.getBigDecimal(5).stripTrailingZeros()));
                    return 0;
                }).list();
        return figures;
    }
}
