package jp.kyodo.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators describe the rooms and their rates: the public pages and fees follow; staff cannot; edits are audited. */
@IntegrationTest
class AdminRoomIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;

    @Test
    void administratorsKeepTheRoomsAndRates() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SignedInUser admin = people.account("room-admin", null, "STAFF", "ADMIN");
        SignedInUser staff = people.account("room-staff", null, "STAFF");
        String code = "room-" + tag;
        String name = "和室" + tag;
        mvc.perform(get("/admin/centre/rooms").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/centre/rooms/new").with(csrf()).with(user(admin)).param("code", "和室").param("name", name)
                        .param("capacity", "0").param("activityRate", "900").param("standardRate", "600"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("施設コードは半角英小文字・数字・ハイフンで入力してください")))
                .andExpect(content().string(Matchers.containsString("団体活動料金は一般料金以下にしてください")))
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(post("/admin/centre/rooms/new").with(csrf()).with(user(admin)).param("code", code).param("name", name)
                        .param("capacity", "２０").param("equipment", "座卓8台").param("activityRate", "400").param("standardRate", "1,200円"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from centre_room where code = :c").param("c", code).query(Long.class).single();
        mvc.perform(post("/admin/centre/rooms/new").with(csrf()).with(user(admin)).param("code", code).param("name", "別")
                        .param("capacity", "5").param("activityRate", "100").param("standardRate", "200"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("この施設コードはすでに使われています")));
        mvc.perform(get("/centre")).andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("1,200円")));

        // An edit on an outdated form is refused; a room that stops taking bookings leaves the public pages.
        mvc.perform(post("/admin/centre/rooms/" + id).with(csrf()).with(user(admin)).param("version", "0").param("name", name).param("capacity", "20")
                        .param("activityRate", "500").param("standardRate", "1200").param("active", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/centre/rooms/" + id).with(csrf()).with(user(admin)).param("version", "0").param("name", name).param("capacity", "20")
                        .param("activityRate", "1").param("standardRate", "1200").param("active", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        assertThat(jdbc.sql("select activity_rate from centre_room where id = :id").param("id", id).query(Long.class).single()).isEqualTo(500L);
        mvc.perform(post("/admin/centre/rooms/" + id).with(csrf()).with(user(admin)).param("version", "1").param("name", name).param("capacity", "20")
                        .param("activityRate", "500").param("standardRate", "1200"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/centre")).andExpect(content().string(Matchers.not(Matchers.containsString(name))));
        mvc.perform(get("/centre/rooms/" + id)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'room.%' and record_id = :id").param("id", String.valueOf(id))
                .query(Integer.class).single()).isEqualTo(3);
    }
}
