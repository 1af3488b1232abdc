package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.PersonalDataSection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table that holds a person (a column referencing an account, by foreign key or by the schema's naming of person
 * columns, or a column of e-mail, address or phone) is covered by a module's personal-data section, or excluded below
 * with the reason. A new table of personal data fails this test until it is exported and erased, or excluded on purpose.
 */
@IntegrationTest
class PersonalDataCoverageTest {

    /** Tables that name a person only as the city's staff acting in office; their acts are in the audit log, which is exported. */
    static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("collab_call", "created_by: the staff member who opened a call, acting for the city"),
            Map.entry("collab_call_invitation", "invited_by: staff inviting a group to a call"),
            Map.entry("collab_screening", "created_by: staff who set up a screening"),
            Map.entry("collab_report", "decided_by: staff deciding on a group's report; the report is the group's"),
            Map.entry("collab_case_study", "created_by: staff writing a case study"),
            Map.entry("centre_block", "created_by: staff blocking a room"),
            Map.entry("pc_procedure", "created_by: staff opening a public comment procedure"),
            Map.entry("participation_file", "uploaded_by: staff publishing documents and minutes"),
            Map.entry("council_score", "rater_id: staff scoring council applications in office"),
            Map.entry("ws_workshop", "created_by: staff organising a workshop"),
            Map.entry("voice_route", "routed_by: staff routing a suggestion to a department"),
            Map.entry("pub_news", "created_by: staff writing news"),
            Map.entry("pub_case_study", "created_by: staff writing a case study"),
            Map.entry("support_record", "created_by: staff recording a commission or agreement"),
            Map.entry("training_course", "created_by: staff organising a course"));

    /** Column names this schema gives to a reference to a person's account. */
    private static final String PERSON_COLUMN = "^(account_id|.*_account_id|.*_by|author_id|actor_id|applicant_id|rater_id|reporter_id)$";

    @Autowired JdbcClient jdbc;
    @Autowired List<PersonalDataSection> sections;

    @Test
    void everyTableHoldingAPersonIsCoveredOrExcludedWithAReason() {
        Set<String> holding = new TreeSet<>(jdbc.sql("""
                select distinct kcu.table_name from information_schema.table_constraints tc
                join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
                join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name = 'account'
                union
                select distinct table_name from information_schema.columns
                where table_schema = 'public' and data_type in ('bigint', 'integer') and column_name ~ :person
                union
                select distinct table_name from information_schema.columns
                where table_schema = 'public' and data_type in ('character varying', 'text')
                  and (column_name ~ '(^|_)(e?mail|address|phone)$' or column_name ~ '(^|_)(e?mail|address|phone)_')""")
                .param("person", PERSON_COLUMN).query(String.class).list());
        assertThat(holding).as("the catalogue finds the tables it should").contains("account_role", "account_token", "pc_comment",
                "civic_group", "centre_booking", "vol_conv_message", "collab_call");

        Set<String> covered = new HashSet<>();
        sections.forEach(s -> covered.addAll(s.tables()));
        Set<String> uncovered = new TreeSet<>(holding);
        uncovered.removeAll(covered);
        uncovered.removeAll(EXCLUDED.keySet());
        assertThat(uncovered).as("tables holding a person that no PersonalDataSection exports and erases, nor EXCLUDED explains").isEmpty();

        Set<String> tables = new HashSet<>(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list());
        assertThat(tables).as("sections and exclusions name real tables").containsAll(covered).containsAll(EXCLUDED.keySet());
        Set<String> overlap = new TreeSet<>(covered);
        overlap.retainAll(EXCLUDED.keySet());
        assertThat(overlap).as("a table is either covered or excluded").isEmpty();
    }

    @Test
    void everyKindOfRetentionHasAPeriodSet(@Autowired PrivacySettings settings) {
        Set<String> kinds = new TreeSet<>();
        sections.forEach(s -> s.retentionRules().forEach(r -> kinds.add(r.kind())));
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
        assertThat(settings.retention().keySet()).containsExactlyInAnyOrderElementsOf(kinds);
    }
}
