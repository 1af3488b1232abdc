package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The secretariat imports the city's register from an Excel CSV: all rows or none. */
@IntegrationTest
class GroupImportIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GroupTestData data;
    @Autowired com.icegreen.greenmail.util.GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void aShiftJisFileWithABadRowImportsNothingAndOnceCorrectedImportsEverything() throws Exception {
        UserDetails staff = data.account("importer", "STAFF");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String first = "髙橋ふれあい会①" + tag;
        String second = "㈱はにわ清掃" + tag;
        String third = "北泉見守り隊" + tag;
        String oldNumber = "H27-" + tag;
        String header = "登録番号,団体名,団体名フリガナ,団体の種類,設立年月日,会員数,活動地区,活動分野,目的,代表者氏名,代表者電話,代表者メール,連絡担当者氏名,連絡担当者メール,備考\r\n";
        String rowOne = oldNumber + "," + first + ",たかはしふれあいかい,地域コミュニティ団体,平成27年4月1日,１２,本庄地区,子育て支援・防災,\"高齢者の見守り、子育て支援\",髙橋 一郎,0495-25-1111,ichiro@example.jp,佐藤 花子,hanako@example.jp,旧台帳\r\n";
        String rowTwoBad = "," + second + ",はにわせいそう,事業者,2010/5/1,たくさん,旭地区,清掃活動,\"道路の清掃\r\nと美化\",埴輪 次郎,,jiro@example.jp,,,\r\n";
        String rowTwoGood = rowTwoBad.replace("たくさん", "30");
        String rowThree = "," + third + ",ほくせんみまもりたい,,,8,hokusen,bohan,,北泉 三郎,090-1234-5678,,,,\r\n";

        // Row 3 of the file says "たくさん" members: the preview names it, and confirming imports nothing.
        MockHttpSession session = new MockHttpSession();
        String preview = upload(staff, session, header + rowOne + rowTwoBad + rowThree);
        mvc.perform(get(preview).session(session).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("3行目: 会員数は数字で入力してください。")))
                .andExpect(content().string(Matchers.containsString("Shift_JIS")))
                .andExpect(content().string(Matchers.containsString(first)))
                .andExpect(content().string(Matchers.containsString("タカハシフレアイカイ")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("action=\"" + preview + "\""))));
        mvc.perform(post(preview).session(session).with(csrf()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("何も取り込んでいません")));
        assertThat(countNamed(tag)).isZero();

        // Corrected: every row is registered, with the city's number kept or a new one issued.
        preview = upload(staff, session, header + rowOne + rowTwoGood + rowThree);
        mvc.perform(get(preview).session(session).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("action=\"" + preview + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("行目:"))));
        mvc.perform(post(preview).session(session).with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/staff/groups"));
        assertThat(countNamed(tag)).isEqualTo(3);
        assertThat(jdbc.sql("select status from civic_group where name = :n").param("n", first).query(String.class).single())
                .isEqualTo("REGISTERED");
        assertThat(jdbc.sql("select registration_number from civic_group where name = :n").param("n", first).query(String.class).single())
                .isEqualTo(oldNumber);
        assertThat(jdbc.sql("select registration_number from civic_group where name = :n").param("n", second).query(String.class).single())
                .matches("\\d{4}-\\d{3}");
        assertThat(jdbc.sql("""
                select count(*) from civic_group where name like :n and (rep_publish_phone or rep_publish_email or rep_publish_address
                  or contact_publish_phone or contact_publish_email or contact_publish_address)""")
                .param("n", "%" + tag).query(Integer.class).single()).as("contact details stay private").isZero();
        assertThat(jdbc.sql("""
                select count(*) from civic_group_history h join civic_group g on g.id = h.group_id
                where g.name like :n and h.event = 'imported'""").param("n", "%" + tag).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select count(*) from audit_entry a join civic_group g on a.record_id = cast(g.id as varchar)
                where g.name like :n and a.action = 'group.import'""").param("n", "%" + tag).query(Integer.class).single()).isEqualTo(3);

        // The representatives are invited to manage their group on the portal; a group without any address is not.
        assertThat(jp.kyodo.TestMailServer.awaitMail(greenMail, "ichiro@example.jp", "ポータルで管理できるようになりました"))
                .contains(first).contains(oldNumber).contains("/my/groups/invitations/");
        assertThat(jdbc.sql("""
                select count(*) from civic_group_invitation i join civic_group g on g.id = i.group_id
                where g.name like :n and i.role = 'REPRESENTATIVE'""").param("n", "%" + tag).query(Integer.class).single()).isEqualTo(2);
        // A message to the group with no address reaches the secretariat, to pass on.
        long thirdId = jdbc.sql("select id from civic_group where name = :n").param("n", third).query(Long.class).single();
        mvc.perform(post("/groups/" + thirdId + "/contact").with(csrf()).with(request -> { request.setRemoteAddr("192.0.2.77"); return request; })
                        .param("senderName", "問合 太郎").param("senderEmail", "toiawase-" + tag + "@example.jp")
                        .param("subject", "見守りについて").param("message", "参加したいです").param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jp.kyodo.TestMailServer.awaitMail(greenMail, staff.getUsername(), "取次のお願い"))
                .contains(third).contains("参加したいです").contains("/staff/groups/" + thirdId);

        mvc.perform(get("/staff/groups").with(user(staff)))
                .andExpect(content().string(Matchers.containsString(first)))
                .andExpect(content().string(Matchers.containsString(oldNumber)));
        awaitInDirectory("タカハシフレアイカイ", first);

        // The same file again: the city's number is already registered.
        preview = upload(staff, session, header + rowOne);
        mvc.perform(get(preview).session(session).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("2行目: 登録番号「" + oldNumber + "」は、すでに登録されている団体に使われています。")));
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAsAWhole() throws Exception {
        UserDetails staff = account("importer", "STAFF");
        mvc.perform(multipart("/staff/groups/import").file(new MockMultipartFile("file", "r.csv", "text/csv",
                        "団体名,代表者氏名\n会,人\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(csrf()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("必須の列がありません:会員数")));
    }

    @Test
    void onlyStaffMayImport() throws Exception {
        UserDetails resident = account("resident", "RESIDENT");
        mvc.perform(get("/staff/groups/import").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(multipart("/staff/groups/import").file(new MockMultipartFile("file", "r.csv", "text/csv", "a".getBytes()))
                .with(csrf()).with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/groups/import/x").with(csrf()).with(user(resident))).andExpect(status().isForbidden());
    }

    private String upload(UserDetails staff, MockHttpSession session, String csv) throws Exception {
        String location = mvc.perform(multipart("/staff/groups/import").file(new MockMultipartFile("file", "daicho.csv", "text/csv",
                        csv.getBytes(CsvReader.SHIFT_JIS))).session(session).with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/staff/groups/import/");
        return location;
    }

    private int countNamed(String tag) {
        return jdbc.sql("select count(*) from civic_group where name like :n").param("n", "%" + tag).query(Integer.class).single();
    }

    private void awaitInDirectory(String query, String name) throws Exception {
        for (int i = 0; i < 100; i++) {
            String page = mvc.perform(get("/groups").param("q", query)).andReturn().getResponse().getContentAsString();
            if (page.contains(name)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not found in the directory by " + query);
    }

    private UserDetails account(String prefix, String role) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix + " さん")
                .param("dept", "STAFF".equals(role) ? secretariat() : null).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (!"RESIDENT".equals(role)) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return users.loadUserByUsername(email);
    }

    /** The registry is kept by the secretariat: staff importing groups belong to it. */
    private Long secretariat() {
        return jdbc.sql("""
                insert into department (code, name, secretariat, active, created_at) values (:code, '市民活動推進課', true, true, now())
                returning id""").param("code", "gi-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
    }
}
