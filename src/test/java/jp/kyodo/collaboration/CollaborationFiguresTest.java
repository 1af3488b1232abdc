package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Proposals, adoption rate, projects and budget against actual costs of FY2004 (no other test uses it), counted by hand. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class CollaborationFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired CollaborationFigures figures;

    @Test
    void countsProposalsProjectsAndComparesPlannedWithActualExpenses() {
        String field = "cf-" + UUID.randomUUID().toString().substring(0, 8);
        long call = jdbc.sql("""
                        insert into collab_call (origin, fiscal_year, title, department_id, application_opens, application_closes, status,
                            created_by, created_at, updated_at)
                        values ('GROUP', 2004, '集計テストの募集', -1, '2004-04-01', '2004-05-31', 'CLOSED', -1, now(), now()) returning id""")
                .query(Long.class).single();
        jdbc.sql("insert into collab_call_field (call_id, field_code) values (:c, :f)").param("c", call).param("f", field).update();
        long p1 = proposal(call, "ADOPTED", "SUBSIDY");
        long p2 = proposal(call, "CONDITIONALLY_ADOPTED", "COHOSTING");
        proposal(call, "NOT_ADOPTED", "SUBSIDY");
        proposal(call, "SUBMITTED", null);
        proposal(call, "DRAFT", null);
        budget(p1, 0, "INCOME", 50_000, "GROUP");
        budget(p1, 1, "EXPENSE", 100_000, "CITY");
        budget(p1, 2, "EXPENSE", 30_000, "GROUP");
        budget(p2, 0, "EXPENSE", 200_000, "CITY");
        long pr1 = project(p1, "COMPLETED");
        long pr2 = project(p2, "RUNNING");
        long completion = report(pr1, "COMPLETION", "ACCEPTED");
        actual(completion, 0, 48_000);
        actual(completion, 1, 95_000);
        actual(completion, 2, 32_000);
        actual(report(pr2, "INTERIM", "ACCEPTED"), 0, 150_000);

        List<YearlyFigure> result = figures.figures(2004, 2004);

        assertThat(value(result, CollaborationFigures.PROPOSALS, CollaborationFigures.SUBMITTED)).isEqualTo(4);
        assertThat(value(result, CollaborationFigures.PROPOSALS, CollaborationFigures.ADOPTED)).isEqualTo(2);
        assertThat(value(result, CollaborationFigures.PROPOSALS, CollaborationFigures.NOT_ADOPTED)).isEqualTo(1);
        // Two of the three decided proposals were adopted.
        assertThat(result).filteredOn(f -> f.measure().equals(CollaborationFigures.ADOPTION_RATE))
                .singleElement().satisfies(f -> assertThat(f.value()).isEqualByComparingTo(new BigDecimal("66.7")));
        assertThat(value(result, CollaborationFigures.PROJECTS_BY_FORM, "SUBSIDY")).isEqualTo(1);
        assertThat(value(result, CollaborationFigures.PROJECTS_BY_FORM, "COHOSTING")).isEqualTo(1);
        assertThat(value(result, CollaborationFigures.PROJECTS_BY_FIELD, field)).isEqualTo(2);
        assertThat(value(result, CollaborationFigures.PROJECTS_BY_STAGE, "COMPLETED")).isEqualTo(1);
        assertThat(value(result, CollaborationFigures.PROJECTS_BY_STAGE, "RUNNING")).isEqualTo(1);
        // Planned expenses 100,000 + 30,000 + 200,000, of which the city bears 300,000.
        assertThat(value(result, CollaborationFigures.BUDGET, CollaborationFigures.EXPENSES)).isEqualTo(330_000);
        assertThat(value(result, CollaborationFigures.BUDGET, CollaborationFigures.CITY_SHARE)).isEqualTo(300_000);
        // What the actual is compared with: the planned expenses of the completed project alone, 100,000 + 30,000.
        assertThat(value(result, CollaborationFigures.BUDGET_OF_COMPLETED, CollaborationFigures.EXPENSES)).isEqualTo(130_000);
        assertThat(value(result, CollaborationFigures.BUDGET_OF_COMPLETED, CollaborationFigures.CITY_SHARE)).isEqualTo(100_000);
        // Actual: only the accepted completion report's expense lines, 95,000 + 32,000 (income and interim left out).
        assertThat(value(result, CollaborationFigures.ACTUAL, CollaborationFigures.EXPENSES)).isEqualTo(127_000);
        assertThat(value(result, CollaborationFigures.ACTUAL, CollaborationFigures.CITY_SHARE)).isEqualTo(95_000);
    }

    @Test
    void adoptionRateIsRoundedToOneDecimal() {
        assertThat(CollaborationFigures.adoptionRate(1, 2)).isEqualByComparingTo("33.3");
        assertThat(CollaborationFigures.adoptionRate(5, 0)).isEqualByComparingTo("100");
    }

    private long proposal(long call, String status, String form) {
        return jdbc.sql("""
                        insert into collab_proposal (call_id, group_id, status, title, form, created_by, created_at, updated_at)
                        values (:c, -1, :s, '集計テストの提案', :f, -1, now(), now()) returning id""")
                .param("c", call).param("s", status).param("f", form).query(Long.class).single();
    }

    private void budget(long proposal, int seq, String kind, long amount, String bearer) {
        jdbc.sql("insert into collab_proposal_budget (proposal_id, seq, kind, item, amount, bearer) values (:p, :s, :k, '費目', :a, :b)")
                .param("p", proposal).param("s", seq).param("k", kind).param("a", amount).param("b", bearer).update();
    }

    private long project(long proposal, String status) {
        return jdbc.sql("insert into collab_project (proposal_id, status, created_at, updated_at) values (:p, :s, now(), now()) returning id")
                .param("p", proposal).param("s", status).query(Long.class).single();
    }

    private long report(long project, String kind, String status) {
        return jdbc.sql("""
                        insert into collab_report (project_id, kind, status, due_on, updated_at)
                        values (:p, :k, :s, '2005-04-30', now()) returning id""")
                .param("p", project).param("k", kind).param("s", status).query(Long.class).single();
    }

    private void actual(long report, int seq, long amount) {
        jdbc.sql("insert into collab_report_actual (report_id, budget_seq, amount) values (:r, :s, :a)")
                .param("r", report).param("s", seq).param("a", amount).update();
    }

    private static long value(List<YearlyFigure> figures, String measure, String category) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.category().equals(category) && f.fiscalYear() == 2004)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
