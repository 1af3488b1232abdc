package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deleting the account of a person active in every module: afterwards their e-mail, name, phone and address are in no
 * text column of any table, and the records the city keeps (decisions, public comments, money) are still there.
 */
@IntegrationTest
@Import(PersonActiveEverywhere.class)
class AccountDeletionPrivacyTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail greenMail;
    @Autowired PersonActiveEverywhere fixture;

    @Test
    void deletionLeavesThePersonInNoTableAndKeepsTheCitysRecords() throws Exception {
        PersonActiveEverywhere.Person p = fixture.create();
        // Before: the person is found all over the database (the search below would see them).
        assertThat(tablesHolding(p)).contains("account.email", "civic_group.rep_email", "pc_comment.address", "ws_registration.phone",
                "council_application.phone", "support_event.organiser_phone", "voice_suggestion.email", "centre_booking.booker_name",
                "audit_entry.summary", "mail_outbox.body", "civic_group_change.proposal", "vol_conv_message.body");

        mvc.perform(post("/account/delete").with(csrf()).with(user(p.user()))
                        .param("currentPassword", TestPeople.PASSWORD).param("confirmed", "true"))
                .andExpect(redirectedUrl("/"));

        // The farewell mail goes out, and its row leaves the outbox once sent.
        assertThat(TestMailServer.awaitMail(greenMail, p.email(), "アカウントを削除しました")).contains(p.name());
        for (int i = 0; i < 100 && count("select count(*) from mail_outbox where recipient = :e", p.email()) > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(tablesHolding(p)).isEmpty();

        // Kept, without the person: decisions, public comments, money, history.
        assertThat(count("select count(*) from pc_comment where account_id = :id and name = '削除済み'", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from council_application where account_id = :id and status = 'SELECTED'", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from council_member where account_id = :id", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from support_grant where applicant_id = :id and granted_amount = 50000", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from support_event where applicant_id = :id and status = 'APPROVED'", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from collab_proposal where created_by = :id", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from collab_consultation_message where author_id = :id", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from collab_evaluation where account_id = :id", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from voice_suggestion where account_id = :id and status = 'ANSWERED'", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from training_registration r join training_attendance a on a.registration_id = r.id where r.account_id = :id", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from vol_application where account_id = :id and hours = 2.0", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from centre_booking where account_id = :id and status = 'PAID'", p.id())).isEqualTo(1);
        assertThat(count("select count(*) from civic_group where id = :id and status = 'REGISTERED'", p.groupId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where actor_id = :id", p.id())).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from ws_registration where id = :id", p.pastWorkshopRegistration())).isEqualTo(1);
        // Gone or withdrawn: what was still to come, memberships, notices.
        assertThat(count("select count(*) from ws_registration where id = :id", p.comingWorkshopRegistration())).isZero();
        assertThat(count("select count(*) from centre_booking where id = :id and status = 'CANCELLED'", p.comingBooking())).isEqualTo(1);
        assertThat(count("select count(*) from civic_group_member where account_id = :id", p.id())).isZero();
        assertThat(count("select count(*) from notice where account_id = :id", p.id())).isZero();
        assertThat(count("select count(*) from account where id = :id and status = 'DELETED'", p.id())).isEqualTo(1);
    }

    @Test
    void theDownloadHoldsThePersonsDataFromEveryModule() throws Exception {
        PersonActiveEverywhere.Person p = fixture.create();
        String json = mvc.perform(get("/account/data/json").with(user(p.user())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains(p.email(), p.name(), p.phone(), p.address(), "賛成です", "ベンチを増やして", "相談します", "よくできた",
                "良かった", "参加します", "kiyaku.pdf", "SELECTED", "講演会");
        for (String table : List.of("account", "civic_group", "civic_group_member", "collab_proposal", "collab_consultation_message",
                "collab_agreement", "support_event", "support_grant", "pc_comment", "council_application", "council_member",
                "ws_registration", "voice_suggestion", "training_registration", "training_attendance", "training_feedback",
                "centre_booking", "centre_advisor_request", "vol_application", "vol_app_message", "vol_conv_message", "vol_report",
                "notice", "notice_follow", "mail_outbox", "audit_entry")) {
            assertThat(json).as(table).containsPattern("\"" + table + "\"\\s*:\\s*\\[\\s*\\{");
        }
        assertThat(json).doesNotContain("password_hash").doesNotContain("token_hash");
    }

    private List<String> tablesHolding(PersonActiveEverywhere.Person p) {
        return PersonSearch.tablesHolding(jdbc, p.email(), p.name(), p.phone(), p.address());
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param(sql.contains(":e") ? "e" : "id", id).query(Long.class).single();
    }
}
