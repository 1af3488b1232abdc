package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.YearlyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of collaboration projects for the annual report, by the fiscal year of the call: proposals and
 * their adoption rate, projects by form, field and stage, and the projects' planned expenses against the actual
 * expenses of accepted completion reports.
 */
@Service
@Transactional(readOnly = true)
public class CollaborationFigures {

    public static final String PROPOSALS = "proposals.count";
    public static final String ADOPTION_RATE = "proposals.adoptionRate";
    public static final String PROJECTS_BY_FORM = "projects.byForm";
    public static final String PROJECTS_BY_FIELD = "projects.byField";
    public static final String PROJECTS_BY_STAGE = "projects.byStage";
    public static final String BUDGET = "projects.budget";
    public static final String ACTUAL = "projects.actual";
    /** The planned expenses of the projects whose completion report was accepted: what {@link #ACTUAL} compares with. */
    public static final String BUDGET_OF_COMPLETED = "projects.budgetCompleted";

    /** Categories of {@link #PROPOSALS}: submitted (all that reached the city), adopted and not adopted. */
    public static final String SUBMITTED = "SUBMITTED";
    public static final String ADOPTED = "ADOPTED";
    public static final String NOT_ADOPTED = "NOT_ADOPTED";
    /** Categories of {@link #BUDGET} and {@link #ACTUAL}: all expenses, and the part the city bears. */
    public static final String EXPENSES = "EXPENSES";
    public static final String CITY_SHARE = "CITY";

    private final JdbcClient jdbc;

    CollaborationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the fiscal years {@code fromYear} to {@code toYear} (start years), categories with none left out. */
    public List<YearlyFigure> figures(int fromYear, int toYear) {
        List<YearlyFigure> figures = new ArrayList<>();
        jdbc.sql("""
                        select c.fiscal_year,
                               count(*) filter (where p.status in ('SUBMITTED', 'IN_SCREENING', 'ADOPTED', 'CONDITIONALLY_ADOPTED', 'NOT_ADOPTED')),
                               count(*) filter (where p.status in ('ADOPTED', 'CONDITIONALLY_ADOPTED')),
                               count(*) filter (where p.status = 'NOT_ADOPTED')
                        from collab_proposal p join collab_call c on c.id = p.call_id
                        where c.fiscal_year between :from and :to group by c.fiscal_year order by c.fiscal_year""")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    int year = rs.getInt(1);
                    long submitted = rs.getLong(2), adopted = rs.getLong(3), notAdopted = rs.getLong(4);
                    figures.add(YearlyFigure.of(PROPOSALS, SUBMITTED, null, year, submitted));
                    figures.add(YearlyFigure.of(PROPOSALS, ADOPTED, null, year, adopted));
                    figures.add(YearlyFigure.of(PROPOSALS, NOT_ADOPTED, null, year, notAdopted));
                    if (adopted + notAdopted > 0) {
                        figures.add(new YearlyFigure(ADOPTION_RATE, YearlyFigure.ALL, null, year, adoptionRate(adopted, notAdopted)));
                    }
                    return year;
                }).list();
        projects(figures, PROJECTS_BY_FORM, "coalesce(p.form, 'NONE')", "", fromYear, toYear);
        projects(figures, PROJECTS_BY_FIELD, "f.field_code", "join collab_call_field f on f.call_id = c.id", fromYear, toYear);
        projects(figures, PROJECTS_BY_STAGE, "pr.status", "", fromYear, toYear);
        budget(figures, BUDGET, """
                select c.fiscal_year, coalesce(sum(b.amount), 0), coalesce(sum(b.amount) filter (where b.bearer = 'CITY'), 0)
                from collab_project pr join collab_proposal p on p.id = pr.proposal_id join collab_call c on c.id = p.call_id
                join collab_proposal_budget b on b.proposal_id = p.id and b.kind = 'EXPENSE'
                where c.fiscal_year between :from and :to group by c.fiscal_year order by c.fiscal_year""", fromYear, toYear);
        budget(figures, BUDGET_OF_COMPLETED, """
                select c.fiscal_year, coalesce(sum(b.amount), 0), coalesce(sum(b.amount) filter (where b.bearer = 'CITY'), 0)
                from collab_project pr join collab_proposal p on p.id = pr.proposal_id join collab_call c on c.id = p.call_id
                join collab_report r on r.project_id = pr.id and r.kind = 'COMPLETION' and r.status = 'ACCEPTED'
                join collab_proposal_budget b on b.proposal_id = p.id and b.kind = 'EXPENSE'
                where c.fiscal_year between :from and :to group by c.fiscal_year order by c.fiscal_year""", fromYear, toYear);
        budget(figures, ACTUAL, """
                select c.fiscal_year, coalesce(sum(a.amount), 0), coalesce(sum(a.amount) filter (where b.bearer = 'CITY'), 0)
                from collab_project pr join collab_proposal p on p.id = pr.proposal_id join collab_call c on c.id = p.call_id
                join collab_report r on r.project_id = pr.id and r.kind = 'COMPLETION' and r.status = 'ACCEPTED'
                join collab_report_actual a on a.report_id = r.id
                join collab_proposal_budget b on b.proposal_id = p.id and b.seq = a.budget_seq and b.kind = 'EXPENSE'
                where c.fiscal_year between :from and :to group by c.fiscal_year order by c.fiscal_year""", fromYear, toYear);
        return figures;
    }

    /** Adopted (with or without conditions) as a percentage of the decided proposals, to one decimal. */
    static BigDecimal adoptionRate(long adopted, long notAdopted) {
        return BigDecimal.valueOf(adopted * 100).divide(BigDecimal.valueOf(adopted + notAdopted), 1, RoundingMode.HALF_UP);
    }

    private void projects(List<YearlyFigure> figures, String measure, String category, String join, int fromYear, int toYear) {
        jdbc.sql("select c.fiscal_year, " + category + " as category, count(distinct pr.id) from collab_project pr "
                        + "join collab_proposal p on p.id = pr.proposal_id join collab_call c on c.id = p.call_id " + join
                        + " where c.fiscal_year between :from and :to group by c.fiscal_year, category order by c.fiscal_year, category")
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> YearlyFigure.of(measure, rs.getString(2), null, rs.getInt(1), rs.getLong(3)))
                .list().forEach(figures::add);
    }

    private void budget(List<YearlyFigure> figures, String measure, String sql, int fromYear, int toYear) {
        jdbc.sql(sql).param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    figures.add(YearlyFigure.of(measure, EXPENSES, null, rs.getInt(1), rs.getLong(2)));
                    figures.add(YearlyFigure.of(measure, CITY_SHARE, null, rs.getInt(1), rs.getLong(3)));
                    return 0;
                }).list();
    }
}
