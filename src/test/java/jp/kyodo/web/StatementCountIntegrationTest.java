package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.StatementCounter;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No query per row on public pages: each public page is served anonymously, its SQL statements counted, then more
 * rows of every kind the pages list are added (copies of the demo rows with their child rows) and the page is served
 * again. A page whose statement count grows with the rows it shows does a query per row and fails the test. The
 * added rows are rolled back and the search index rebuilt afterwards, so no other test meets them. It runs over the
 * demo content, in the context {@code OpenDataPrivacyIntegrationTest} uses too (so the two share one start-up).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyodo.demo-data=true")
@AutoConfigureMockMvc
@Import({TestMailServer.class, StatementCounter.class})
class StatementCountIntegrationTest {

    /** Copies of every row added to the listed kinds of record. */
    private static final int COPIES = 2;

    /** What is copied: a table, and the child tables (with the column pointing at the parent) copied with each row. */
    private record Copy(String table, String parentColumn, List<Copy> children) {
        static Copy of(String table, Copy... children) {
            return new Copy(table, null, List.of(children));
        }

        static Copy child(String table, String parentColumn, Copy... children) {
            return new Copy(table, parentColumn, List.of(children));
        }
    }

    private static final List<Copy> COPIED = List.of(
            Copy.of("civic_group", Copy.child("civic_group_field", "group_id"),
                    Copy.child("civic_group_member", "group_id")),
            Copy.of("collab_call", Copy.child("collab_call_form", "call_id"), Copy.child("collab_call_field", "call_id")),
            Copy.of("collab_proposal", Copy.child("collab_proposal_role", "proposal_id"),
                    Copy.child("collab_proposal_budget", "proposal_id"),
                    Copy.child("collab_proposal_target", "proposal_id"),
                    Copy.child("collab_project", "proposal_id",
                            Copy.child("collab_agreement", "project_id"),
                            Copy.child("collab_report", "project_id",
                                    Copy.child("collab_report_outcome", "report_id"),
                                    Copy.child("collab_report_actual", "report_id")),
                            Copy.child("collab_evaluation", "project_id",
                                    Copy.child("collab_evaluation_score", "evaluation_id")))),
            Copy.of("pub_news"),
            Copy.of("pub_case_study", Copy.child("pub_case_study_field", "case_study_id"),
                    Copy.child("pub_case_study_photo", "case_study_id")),
            Copy.of("vol_opportunity", Copy.child("vol_opportunity_field", "opportunity_id"),
                    Copy.child("vol_shift", "opportunity_id")),
            Copy.of("vol_offer"),
            Copy.of("vol_need"),
            Copy.of("training_course", Copy.child("training_session", "course_id")),
            Copy.of("pc_procedure", Copy.child("pc_section", "procedure_id")),
            Copy.of("ws_workshop"),
            Copy.of("council", Copy.child("council_meeting", "council_id")),
            Copy.of("voice_suggestion", Copy.child("voice_route", "suggestion_id")),
            Copy.of("support_event"),
            Copy.of("support_programme"),
            Copy.of("centre_advisor"),
            Copy.of("centre_room"));

    /** A list page, and the pattern of the links on it to the detail page measured with it. */
    private static final Map<String, Pattern> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("/groups", Pattern.compile("href=\"(/groups/\\d+)\""));
        LISTS.put("/collaboration", Pattern.compile("href=\"(/collaboration/calls/\\d+)\""));
        LISTS.put("/collaboration/projects", Pattern.compile("href=\"(/collaboration/projects/\\d+)\""));
        LISTS.put("/case-studies", Pattern.compile("href=\"(/case-studies/\\d+)\""));
        LISTS.put("/news", Pattern.compile("href=\"(/news/\\d+)\""));
        LISTS.put("/volunteering", Pattern.compile("href=\"(/volunteering/\\d+)\""));
        LISTS.put("/contribution", Pattern.compile("href=\"(/contribution/(?:offers|needs)/\\d+)\""));
        LISTS.put("/training/courses", Pattern.compile("href=\"(/training/courses/\\d+)\""));
        LISTS.put("/participation/comments", Pattern.compile("href=\"(/participation/comments/\\d+)\""));
        LISTS.put("/participation/workshops", Pattern.compile("href=\"(/participation/workshops/\\d+)\""));
        LISTS.put("/centre", Pattern.compile("href=\"(/centre/rooms/\\d+)\""));
        LISTS.put("/participation/councils", Pattern.compile("href=\"(/participation/councils/\\d+)\""));
    }

    private static final List<String> OTHER_PAGES = List.of("/", "/collaboration/results", "/report",
            "/search?q=%E6%9C%AC%E5%BA%84", "/participation", "/participation/calendar", "/opendata/",
            "/api/v1/groups", "/api/v1/events", "/participation/voice/answers", "/support/events", "/support/subsidies",
            "/centre/advisors", "/news/feed.xml");

    /** Staff pages measured the same way, by an administrator (who sees every project). */
    private static final List<String> STAFF_PAGES = List.of("/staff/collaboration/projects");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    /** The administrator the staff pages are served to, made inside the rolled-back transaction. */
    private SignedInUser admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex search;

    @Autowired
    PlatformTransactionManager transactions;

    /** The transaction's persistence context: emptied before each page, as each request starts with an empty one. */
    @PersistenceContext
    EntityManager entities;

    @Test
    void publicPagesDoNotQueryPerRowShown() throws Exception {
        List<String> pages = pages();
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> sqlAfter = new LinkedHashMap<>();
        Map<String, Integer> lengthBefore = new LinkedHashMap<>();
        Map<String, Integer> lengthAfter = new LinkedHashMap<>();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                status.setRollbackOnly();
                try {
                    admin = people.account("statement-count-admin", null, "STAFF", "ADMIN");
                    pages.addAll(STAFF_PAGES);
                    for (String page : pages) {
                        count(page); // warm up whatever a first request does once
                    }
                    for (String page : pages) {
                        before.put(page, count(page));
                        lengthBefore.put(page, length);
                    }
                    for (Copy copy : COPIED) {
                        rows.put(copy.table(), copyAll(copy));
                    }
                    rebuildSearchIndex();
                    for (String page : pages) {
                        after.put(page, count(page));
                        lengthAfter.put(page, length);
                        sqlAfter.put(page, Map.copyOf(StatementCounter.statements()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            rebuildSearchIndex();
        }

        StringBuilder table = new StringBuilder("\nSQL statements per public page (rows added: " + rows + ")\n");
        table.append(String.format("%-48s %8s %8s %10s %10s%n", "page", "before", "after", "chars bef.", "chars aft."));
        List<String> grown = new ArrayList<>();
        for (String page : pages) {
            table.append(String.format("%-48s %8d %8d %10d %10d%s%n", page, before.get(page), after.get(page),
                    lengthBefore.get(page), lengthAfter.get(page),
                    after.get(page) > before.get(page) ? "  <- grows with the rows" : ""));
            if (after.get(page) > before.get(page)) {
                grown.add(page + " " + before.get(page) + " -> " + after.get(page));
                sqlAfter.get(page).entrySet().stream().filter(e -> e.getValue() > 1)
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                        .forEach(e -> table.append(String.format("      %4d x %s%n", e.getValue(),
                                e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey())));
            }
        }
        System.out.println(table);
        assertThat(rows).allSatisfy((kind, added) -> assertThat(added).as("rows added to " + kind).isPositive());
        assertThat(grown).as("pages whose statement count grew with the rows shown" + table).isEmpty();
    }

    /** The public pages: the fixed ones, each list, and the first detail page each list links to. */
    private List<String> pages() throws Exception {
        List<String> pages = new ArrayList<>(OTHER_PAGES);
        for (Map.Entry<String, Pattern> list : LISTS.entrySet()) {
            pages.add(list.getKey());
            Matcher link = list.getValue().matcher(body(list.getKey()));
            assertThat(link.find()).as("a link to a detail page on " + list.getKey()).isTrue();
            pages.add(link.group(1));
        }
        return pages;
    }

    private String body(String page) throws Exception {
        var request = get(page);
        if (STAFF_PAGES.contains(page)) {
            request.with(user(admin));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private int count(String page) throws Exception {
        entities.flush();
        entities.clear();
        StatementCounter.start();
        try {
            length = body(page).length();
        } finally {
            statements = StatementCounter.stop();
        }
        return statements;
    }

    private int statements;

    /** The length of the page last counted, in characters. */
    private int length;

    private void rebuildSearchIndex() {
        for (String type : search.sourceTypes()) {
            search.rebuild(type);
        }
    }

    /** Copies every row of a table {@link #COPIES} times with its children; tells how many rows were added. */
    private int copyAll(Copy copy) {
        List<Long> ids = jdbc.sql("select id from " + copy.table() + " order by id").query(Long.class).list();
        int added = 0;
        for (int n = 0; n < COPIES; n++) {
            for (long id : ids) {
                copyRow(copy, id, null, null);
                added++;
            }
        }
        return added;
    }

    /** Copies one row (or, for a child table without an id, the rows of one parent) and its children. */
    private void copyRow(Copy copy, long id, String parentColumn, Long newParent) {
        List<String> columns = jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
                          and column_default is distinct from 'nextval(''' || table_name || '_id_seq''::regclass)'
                          and column_name <> 'id'
                        order by ordinal_position""")
                .param(copy.table()).query(String.class).list();
        Map<String, Integer> uniques = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.attname, coalesce(c.character_maximum_length, 0) as length, c.data_type
                        from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                        join information_schema.columns c on c.table_schema = current_schema()
                          and c.table_name = ? and c.column_name = a.attname
                        where i.indrelid = ?::regclass and i.indisunique and i.indnatts = 1 and a.attname <> 'id'""")
                .param(copy.table()).param(copy.table())
                .query((rs, row) -> uniques.put(rs.getString(1), rs.getString(3).contains("char") ? rs.getInt(2) : -1))
                .list();
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (column.equals(parentColumn)) {
                values.add(newParent.toString());
            } else if (uniques.containsKey(column)) {
                int length = uniques.get(column);
                values.add(length == -1 ? "null" : "case when " + column + " is null then null else left(md5(random()::text)"
                        + " || md5(random()::text), " + (length == 0 ? 64 : length) + ") end");
            } else {
                values.add(column);
            }
        }
        boolean hasId = jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = current_schema() and table_name = ? and column_name = 'id'""")
                .param(copy.table()).query(Long.class).single() > 0;
        String insert = "insert into " + copy.table() + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", values) + " from " + copy.table();
        if (!hasId) {
            jdbc.sql(insert + " where " + parentColumn + " = ?").param(id).update();
            return;
        }
        List<Long> sources = parentColumn == null ? List.of(id)
                : jdbc.sql("select id from " + copy.table() + " where " + parentColumn + " = ? order by id")
                .param(id).query(Long.class).list();
        for (long source : sources) {
            long copied = jdbc.sql(insert + " where id = ? returning id").param(source).query(Long.class).single();
            for (Copy child : copy.children()) {
                copyRow(child, source, child.parentColumn(), copied);
            }
        }
    }
}
