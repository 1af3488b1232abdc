package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.StatementCounter;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Changing an id never reaches someone else's record. A manager of their own group, who may legitimately use every
 * route below with their own ids, puts the ids of another group's records (shimin@example.jp's group in the demo) in
 * the URL next to their own, or in the form field that says which group acts. Each attempt must be refused (404 or
 * 403 for an id in the URL; the form shown again with the message at the field for a choice in the form) and must
 * change nothing: the rows that tell are counted before and after. (Changing the one id of a route to another
 * group's, person's or department's record is tried for every route and every kind of caller by
 * {@link RouteAuthorizationTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyodo.demo-data=true")
@AutoConfigureMockMvc
@Import({TestMailServer.class, StatementCounter.class})
class ObjectLevelAccessTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;

    private SignedInUser attacker;
    private long ownGroup;
    private long victimAccount;
    private long victimGroup;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        attacker = people.account("idor-manager", null);
        ownGroup = people.registeredGroup("IDOR検査の会", attacker.accountId());
        victimAccount = jdbc.sql("select id from account where email = 'shimin@example.jp'").query(Long.class).single();
        victimGroup = jdbc.sql("""
                        select g.id from civic_group g join civic_group_member m on m.group_id = g.id
                        where m.account_id = :a and m.role = 'REPRESENTATIVE' and g.status = 'REGISTERED' order by g.id limit 1""")
                .param("a", victimAccount).query(Long.class).single();
    }

    @Test
    void anotherGroupsRecordsCannotBeReachedFromOnesOwnGroupsPages() throws Exception {
        long document = insert("""
                insert into civic_group_document (group_id, kind, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values (:g, 'BYLAWS', 'kiyaku.pdf', 'application/pdf', 4, convert_to('%PDF', 'UTF8'), :a, now()) returning id""");
        long invitation = insert("""
                insert into civic_group_invitation (group_id, email, role, token_hash, invited_by, created_at, expires_at)
                values (:g, 'idor-invited@example.jp', 'STAFF', md5(random()::text), :a, now(), now() + interval '7 days') returning id""");
        String documentRow = "select count(*) from civic_group_document where id = " + document;
        String invitationRow = "select count(*) from civic_group_invitation where id = " + invitation;
        String victimMember = "select count(*) || role from civic_group_member where group_id = " + victimGroup + " and account_id = "
                + victimAccount + " group by role";

        // Documents are changed while the application is a draft: the attacker's own group is one.
        jdbc.sql("update civic_group set status = 'DRAFT' where id = :id").param("id", ownGroup).update();
        refusedById(get("/my/groups/" + ownGroup + "/documents/" + document), documentRow);
        refusedById(post("/my/groups/" + ownGroup + "/documents/" + document + "/delete"), documentRow);
        jdbc.sql("update civic_group set status = 'REGISTERED' where id = :id").param("id", ownGroup).update();
        refusedById(post("/my/groups/" + ownGroup + "/people/invitations/" + invitation + "/cancel"), invitationRow);
        refusedById(post("/my/groups/" + ownGroup + "/people/" + victimAccount + "/remove"), victimMember);
        refusedById(post("/my/groups/" + ownGroup + "/people/" + victimAccount + "/role").param("role", "STAFF"), victimMember);

        // The attacker's own proposal, next to the victim's attachment.
        long call = jdbc.sql("select id from collab_call where status = 'PUBLISHED' order by id limit 1").query(Long.class).single();
        long ownProposal = insert("""
                insert into collab_proposal (call_id, group_id, status, draft_step, title, created_by, created_at, updated_at, version)
                values (%d, %d, 'DRAFT', 1, '自分の提案', %d, now(), now(), 0) returning id""".formatted(call, ownGroup, attacker.accountId()));
        long victimProposal = jdbc.sql("""
                        select id from collab_proposal where group_id = :g order by id limit 1""").param("g", victimGroup).query(Long.class).single();
        long attachment = insert("""
                insert into collab_file (owner_type, owner_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values ('proposal', %d, 'plan.pdf', 'application/pdf', 4, convert_to('%%PDF', 'UTF8'), :a, now()) returning id""".formatted(victimProposal));
        String attachmentRow = "select count(*) from collab_file where id = " + attachment;
        refusedById(get("/my/proposals/" + ownProposal + "/attachments/" + attachment), attachmentRow);
        refusedById(post("/my/proposals/" + ownProposal + "/attachments/" + attachment + "/delete"), attachmentRow);

        // A volunteer opportunity of the attacker's group, next to an application to the victim's group's opportunity.
        Long victimApplication = jdbc.sql("""
                        select a.id from vol_application a join vol_opportunity o on o.id = a.opportunity_id
                        where o.group_id = :g order by a.id limit 1""").param("g", victimGroup).query(Long.class).optional().orElse(null);
        long ownOpportunity = insert("""
                insert into vol_opportunity (group_id, title, description, place, apply_by, status, created_by, created_at, updated_at, version)
                values (%d, '自分の募集', '説明', '本庄市', current_date + 30, 'PUBLISHED', %d, now(), now(), 0) returning id""".formatted(ownGroup, attacker.accountId()));
        if (victimApplication != null) {
            String applicationState = "select status || coalesce(hours::text, '') from vol_application where id = " + victimApplication;
            refusedById(get("/my/volunteering/opportunities/" + ownOpportunity + "/applications/" + victimApplication), applicationState);
            refusedById(post("/my/volunteering/opportunities/" + ownOpportunity + "/applications/" + victimApplication + "/decide")
                    .param("decision", "DECLINED"), applicationState);
            refusedById(post("/my/volunteering/opportunities/" + ownOpportunity + "/applications/" + victimApplication + "/messages")
                    .param("body", "こんにちは"), "select count(*) from vol_app_message where application_id = " + victimApplication);
        }

        assertThat(failures).as("another group's records reached by changing an id").isEmpty();
    }

    @Test
    void aFormCannotActForAGroupTheSenderDoesNotManage() throws Exception {
        String g = Long.toString(victimGroup);
        long call = jdbc.sql("select id from collab_call where status = 'PUBLISHED' order by id limit 1").query(Long.class).single();
        refusedInForm(post("/my/proposals/new").param("call", Long.toString(call)).param("groupId", g).param("title", "乗っ取り提案"),
                "select count(*) from collab_proposal where group_id = " + g);
        refusedInForm(post("/my/applications/events/new").param("kind", "ENDORSEMENT").param("groupId", g).param("eventName", "乗っ取り")
                .param("purpose", "目的"), "select count(*) from support_event where group_id = " + g);
        refusedInForm(post("/my/centre/advisors").param("groupId", g).param("topic", "OTHER").param("details", "相談"),
                "select count(*) from centre_advisor_request where group_id = " + g);
        refusedInForm(post("/my/contribution/needs/new").param("groupId", g).param("kind", "PEOPLE").param("title", "乗っ取り")
                .param("description", "説明"), "select count(*) from vol_need where group_id = " + g);
        refusedInForm(post("/my/volunteering/opportunities/new").param("groupId", g).param("title", "乗っ取り").param("description", "説明"),
                "select count(*) from vol_opportunity where group_id = " + g);
        refusedInForm(post("/my/centre/book").param("booker", g).param("room", "1").param("purpose", "会議").param("people", "5"),
                "select count(*) from centre_booking where group_id = " + g);
        refusedInForm(post("/my/centre/book/confirm").param("booker", g).param("room", "1").param("purpose", "会議").param("people", "5"),
                "select count(*) from centre_booking where group_id = " + g);
        Long programme = jdbc.sql("select id from support_programme order by id limit 1").query(Long.class).optional().orElse(null);
        if (programme != null) {
            refusedInForm(post("/my/applications/subsidies/" + programme + "/apply").param("groupId", g).param("projectName", "乗っ取り")
                    .param("purpose", "目的").param("totalCost", "100000").param("requestedAmount", "50000"),
                    "select count(*) from support_grant where group_id = " + g);
        }
        Long groupCourse = jdbc.sql("select id from training_course where target = 'GROUPS' and status = 'PUBLISHED' order by id limit 1")
                .query(Long.class).optional().orElse(null);
        if (groupCourse != null) {
            refusedInForm(post("/my/courses/apply/" + groupCourse).param("groupId", g),
                    "select count(*) from training_registration where group_id = " + g);
        }
        assertThat(failures).as("forms acting for a group the sender does not manage").isEmpty();
    }

    /** An id in the URL that is not the caller's: 404 or 403, and the row that tells is unchanged. */
    private void refusedById(MockHttpServletRequestBuilder request, String state) throws Exception {
        String before = state(state);
        MvcResult result = mvc.perform(request.with(user(attacker)).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String uri = result.getRequest().getRequestURI();
        if (status != 404 && status != 403) {
            failures.add(result.getRequest().getMethod() + " " + uri + " -> " + status);
        }
        if (!before.equals(state(state))) {
            failures.add(result.getRequest().getMethod() + " " + uri + " changed " + state + ": " + before + " -> " + state(state));
        }
    }

    /** A group chosen in the form that the sender does not manage: refused, and nothing recorded for that group. */
    private void refusedInForm(MockHttpServletRequestBuilder request, String state) throws Exception {
        String before = state(state);
        MvcResult result = mvc.perform(request.with(user(attacker)).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String uri = result.getRequest().getRequestURI();
        if (status / 100 == 3 || status / 100 == 5) {
            failures.add("POST " + uri + " with another group's id -> " + status + " " + result.getResponse().getHeader("Location"));
        }
        if (status == 200 && !result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).contains("error-summary")) {
            failures.add("POST " + uri + " with another group's id shows no field error");
        }
        if (!before.equals(state(state))) {
            failures.add("POST " + uri + " recorded something for another group: " + state);
        }
    }

    private String state(String sql) {
        return String.join(",", jdbc.sql(sql).query(String.class).list());
    }

    private long insert(String sql) {
        return jdbc.sql(sql.replace(":g", Long.toString(victimGroup)).replace(":a", Long.toString(victimAccount))).query(Long.class).single();
    }
}
