package jp.kyodo.participation;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of public comment for the annual report, by the fiscal year in which the comment period opened:
 * the drafts put to public comment and the comments received on them (confirmed comments only).
 */
@Service
@Transactional(readOnly = true)
public class ParticipationFigures {

    public static final String PROCEDURES = "publicComments.procedures";
    public static final String COMMENTS = "publicComments.comments";

    private final JdbcClient jdbc;

    ParticipationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years); years without any left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        String year = YearlyFigure.fiscalYearSql("p.opens_on");
        jdbc.sql("select " + year + " as fy, count(distinct p.id), count(c.id) from pc_procedure p "
                        + "left join pc_comment c on c.procedure_id = p.id and c.status = 'RECEIVED' "
                        + "where p.status <> 'DRAFT' and " + year + " between :from and :to group by fy order by fy")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(YearlyFigure.of(PROCEDURES, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(2)));
                    figures.add(YearlyFigure.of(COMMENTS, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(3)));
                    return 0;
                }).list();
        return figures;
    }
}
