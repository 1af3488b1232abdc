package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** A registered group notifies changes: free fields apply at once, others wait for the secretariat. */
@IntegrationTest
class ChangeNoticeIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired CivicGroups groups;
    @Autowired GroupMembers members;
    @Autowired GroupRegistry registry;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void freeFieldsApplyAtOnceAndOthersWaitForTheSecretariat() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UserDetails manager = account("changer-" + tag, "RESIDENT");
        UserDetails staff = account("checker-" + tag, "STAFF");
        long managerId = jdbc.sql("select id from account where email = :e").param("e", manager.getUsername()).query(Long.class).single();
        long id = registeredGroup("変更届テスト会" + tag, managerId);

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

    private long registeredGroup(String name, long managerId) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, null, managerId, now);
            g.editBasics(GroupType.CIVIC, name, null, null, 10, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("bosai")), "目的", "活動", null, null, "古い集会所", null, false, false, now);
            g.submit(now);
            g.approve("C-" + System.nanoTime(), LocalDate.now(), registry.validUntil(LocalDate.now()), now);
            long id = groups.save(g).id();
            members.save(new GroupMember(id, managerId, GroupRole.REPRESENTATIVE, now));
            return id;
        });
    }

    private UserDetails account(String prefix, String role) {
        String email = prefix + "@example.jp";
        Long dept = "STAFF".equals(role) ? jdbc.sql("""
                insert into department (code, name, secretariat, active, created_at) values (:code, '市民活動推進課', true, true, now())
                returning id""").param("code", "c-" + prefix).query(Long.class).single() : null;
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix)
                .param("dept", dept).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (!"RESIDENT".equals(role)) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return users.loadUserByUsername(email);
    }
}
