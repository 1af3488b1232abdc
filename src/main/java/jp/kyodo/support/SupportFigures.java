package jp.kyodo.support;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of subsidies (補助金) for the annual report, by the programme's fiscal year: the grants decided and
 * their amount, and the amounts finally fixed after the completion reports (額の確定).
 */
@Service
@Transactional(readOnly = true)
public class SupportFigures {

    public static final String GRANTS = "subsidies.grants";
    public static final String AMOUNTS = "subsidies.amounts";

    /** Categories of {@link #AMOUNTS}: the amount granted, and the amount fixed once the grant was reported. */
    public static final String GRANTED = "GRANTED";
    public static final String FINAL = "FINAL";

    // Every status a grant reaches only after the decision to grant it.
    private static final String GRANTED_STATUSES = "('GRANTED', 'CHANGE_REQUESTED', 'REPORTED', 'FINALISED', 'PAID')";

    private final JdbcClient jdbc;

    SupportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years); years without any left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        jdbc.sql("select p.fiscal_year, count(*), coalesce(sum(g.granted_amount), 0), coalesce(sum(g.final_amount), 0) "
                        + "from support_grant g join support_programme p on p.id = g.programme_id "
                        + "where g.status in " + GRANTED_STATUSES + " and p.fiscal_year between :from and :to "
                        + "group by p.fiscal_year order by p.fiscal_year")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(YearlyFigure.of(GRANTS, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(2)));
                    figures.add(YearlyFigure.of(AMOUNTS, GRANTED, null, rs.getInt(1), rs.getLong(3)));
                    figures.add(YearlyFigure.of(AMOUNTS, FINAL, null, rs.getInt(1), rs.getLong(4)));
                    return 0;
                }).list();
        return figures;
    }
}
