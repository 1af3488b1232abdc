package jp.kyodo.groups;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.time.LocalDate;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Both sides hear of every step: the group of what the city did, the secretariat of what the group or a colleague did. */
@IntegrationTest
class RegistryMailsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired GroupTestData data;
    @Autowired CivicGroups groups;
    @Autowired GroupRegistry registry;
    @Autowired TransactionTemplate tx;

    @Test
    void aRenewalRequestIsAcknowledgedAndARefusalIsExplainedToTheGroupAndCopiedToColleagues() throws Exception {
        String tag = GroupTestData.tag();
        SignedInUser manager = data.account("mails-manager", "RESIDENT");
        SignedInUser staff = data.account("mails-staff", "STAFF");
        SignedInUser colleague = data.account("mails-colleague", "STAFF");
        String name = "更新通知テスト会" + tag;
        // Registered a year ago: the validity ends this fiscal year, so the renewal window is open in February and March.
        long id = data.registeredGroup(name, manager.accountId(), registry.today().minusYears(1));
        tx.executeWithoutResult(s -> groups.findById(id).orElseThrow().requestRenewal(Instant.now()));

        mvc.perform(get("/staff/groups").param("renewal", "true").with(user(staff)))
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("更新申請中")));
        // A refusal needs a reason, shown by the field; then the group hears why, and the colleague gets a copy.
        mvc.perform(post("/staff/groups/" + id + "/renewal/refuse").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(data.version(id))).param("message", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("renewal-message-error")));
        mvc.perform(post("/staff/groups/" + id + "/renewal/refuse").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(data.version(id))).param("message", "会員数が5人未満となっているため"))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        assertThat(awaitMail(greenMail, manager.getUsername(), "更新について")).contains(name).contains("会員数が5人未満");
        assertThat(awaitMail(greenMail, colleague.getUsername(), name)).contains("更新を承認しませんでした").contains(staff.displayName());
        assertThat(received(staff.getUsername(), name)).as("the one who acted gets no copy").isZero();
        CivicGroup refused = groups.findById(id).orElseThrow();
        assertThat(refused.status()).isEqualTo(GroupStatus.REGISTERED);
        assertThat(refused.renewalRequestedAt()).isNull();
        mvc.perform(get("/my/groups/" + id).with(user(manager)))
                .andExpect(content().string(Matchers.containsString("更新についての市からの連絡")))
                .andExpect(content().string(Matchers.containsString("会員数が5人未満")));
        mvc.perform(get("/staff/groups").param("renewal", "true").with(user(staff)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(name))));

        // The group dissolves: the secretariat is told, and the group gets a receipt.
        mvc.perform(post("/my/groups/" + id + "/dissolve").with(csrf()).with(user(manager))
                        .param("version", String.valueOf(data.version(id))).param("message", "会員の高齢化のため"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        assertThat(awaitMail(greenMail, manager.getUsername(), "廃止届を受け付けました")).contains(name);
        assertThat(awaitMail(greenMail, colleague.getUsername(), "廃止届がありました")).contains("会員の高齢化");
    }

    @Test
    void aRenewalRefusedAfterTheValidityEndedExpiresAtOnce() {
        String tag = GroupTestData.tag();
        SignedInUser manager = data.account("late-manager", "RESIDENT");
        SignedInUser staff = data.account("late-staff", "STAFF");
        long id = data.registeredGroup("期限後判断テスト会" + tag, manager.accountId(), registry.today().minusYears(3));
        tx.executeWithoutResult(s -> groups.findById(id).orElseThrow().requestRenewal(Instant.now()));
        registry.refuseRenewal(id, staff, data.version(id), "活動実績が確認できないため");
        assertThat(groups.findById(id).orElseThrow().status()).isEqualTo(GroupStatus.EXPIRED);
        assertThat(registry.listed(id)).isEmpty();
        assertThat(registry.history(id)).extracting(GroupRegistry.HistoryLine::event).containsSubsequence("renewalRefused", "expired");
    }

    @Test
    void theNightlyExpiryTellsEachGroupAndSendsTheSecretariatOneSummary() {
        String tag = GroupTestData.tag();
        SignedInUser manager = data.account("expiry-manager", "RESIDENT");
        SignedInUser staff = data.account("expiry-staff", "STAFF");
        long first = data.registeredGroup("満了通知一の会" + tag, manager.accountId(), LocalDate.of(2020, 6, 1));
        long second = data.registeredGroup("満了通知二の会" + tag, manager.accountId(), LocalDate.of(2020, 7, 1));
        // Valid until 31 March 2022: on 1 April 2022 both expire (no other test registers that far back).
        assertThat(registry.expireOverdue(LocalDate.of(2022, 4, 1))).isGreaterThanOrEqualTo(2);
        assertThat(groups.findById(first).orElseThrow().status()).isEqualTo(GroupStatus.EXPIRED);
        assertThat(groups.findById(second).orElseThrow().status()).isEqualTo(GroupStatus.EXPIRED);
        assertThat(awaitMail(greenMail, manager.getUsername(), "有効期限が過ぎました")).contains("満了通知");
        String summary = awaitMail(greenMail, staff.getUsername(), "期限満了");
        assertThat(summary).contains("満了通知一の会" + tag).contains("満了通知二の会" + tag);
        assertThat(received(staff.getUsername(), "期限満了")).isEqualTo(1);
    }

    private long received(String recipient, String subject) {
        return jp.kyodo.TestMailServer.count(greenMail, recipient, subject);
    }
}
