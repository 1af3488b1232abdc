package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A registered group notifies changes: free fields apply at once, others wait for the secretariat. */
@IntegrationTest
class ChangeNoticeIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired CivicGroups groups;
    @Autowired GroupRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired GroupTestData data;

    @Test
    void freeFieldsApplyAtOnceAndOthersWaitForTheSecretariat() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SignedInUser manager = data.account("changer", "RESIDENT");
        SignedInUser staff = data.account("checker", "STAFF");
        long id = data.registeredGroup("変更届テスト会" + tag, manager.accountId());

        // Meeting place only: applied at once.
        mvc.perform(change(manager, id, 2).param("fieldCodes", "bosai").param("purpose", "目的").param("activities", "活動")
                        .param("meetingPlace", "新しい集会所"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        assertThat(groups.findById(id).orElseThrow().meetingPlace()).isEqualTo("新しい集会所");

        // The name: waits for staff; the public page still shows the old name.
        mvc.perform(change(manager, id, 1).param("type", "CIVIC").param("name", "新しい名前の会" + tag).param("membersCount", "10")
                        .param("areaCode", "honjo"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        assertThat(groups.findById(id).orElseThrow().name()).isEqualTo("変更届テスト会" + tag);
        mvc.perform(get("/staff/groups/" + id).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("新しい名前の会" + tag)))
                .andExpect(content().string(Matchers.containsString("確認待ちの変更届")));
        long changeId = jdbc.sql("select id from civic_group_change where group_id = :g and status = 'PENDING'").param("g", id)
                .query(Long.class).single();

        // Refusing needs a reason; accepting applies the change.
        mvc.perform(post("/staff/groups/" + id + "/changes/" + changeId + "/reject").with(csrf()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("入力してください")));
        mvc.perform(post("/staff/groups/" + id + "/changes/" + changeId + "/accept").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        assertThat(groups.findById(id).orElseThrow().name()).isEqualTo("新しい名前の会" + tag);
        // A second decision on the same notice is refused.
        mvc.perform(post("/staff/groups/" + id + "/changes/" + changeId + "/accept").with(csrf()).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("ほかの職員が処理しました")));
        assertThat(registry.history(id)).extracting(GroupRegistry.HistoryLine::event)
                .contains("changed", "changeSubmitted", "changeAccepted");

        // Bad input is reported next to the field and nothing is stored.
        mvc.perform(change(manager, id, 1).param("type", "CIVIC").param("name", "").param("membersCount", "たくさん").param("areaCode", "honjo"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"たくさん\"")));
    }

    private MockHttpServletRequestBuilder change(UserDetails who, long id, int part) {
        return post("/my/groups/" + id + "/change/" + part).with(csrf()).with(user(who))
                .param("version", String.valueOf(groups.findById(id).orElseThrow().version()));
    }
}
