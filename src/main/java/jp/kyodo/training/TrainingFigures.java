package jp.kyodo.training;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of courses for the annual report: published courses and their confirmed registrations by the fiscal
 * year of the first session, and attendance (one per person and session attended) by the fiscal year of the session.
 */
@Service
@Transactional(readOnly = true)
public class TrainingFigures {

    public static final String COURSES = "training.courses";
    public static final String REGISTRATIONS = "training.registrations";
    public static final String ATTENDANCE = "training.attendance";

    private final JdbcClient jdbc;

    TrainingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years); years without any left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        String courseYear = YearlyFigure.fiscalYearSql("(select min(s.held_on) from training_session s where s.course_id = c.id)");
        jdbc.sql("select " + courseYear + " as fy, count(*), coalesce(sum((select count(*) from training_registration r "
                        + "where r.course_id = c.id and r.status = 'CONFIRMED')), 0) from training_course c "
                        + "where c.status = 'PUBLISHED' and " + courseYear + " between :from and :to group by fy order by fy")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(YearlyFigure.of(COURSES, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(2)));
                    figures.add(YearlyFigure.of(REGISTRATIONS, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(3)));
                    return 0;
                }).list();
        String sessionYear = YearlyFigure.fiscalYearSql("s.held_on");
        jdbc.sql("select " + sessionYear + " as fy, count(*) from training_attendance a "
                        + "join training_session s on s.id = a.session_id join training_course c on c.id = s.course_id "
                        + "where c.status = 'PUBLISHED' and " + sessionYear + " between :from and :to group by fy order by fy")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> YearlyFigure.of(ATTENDANCE, YearlyFigure.ALL, null, rs.getInt(1), rs.getLong(2)))
                .list().forEach(figures::add);
        return figures;
    }
}
