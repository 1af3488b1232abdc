package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators rename a field of activity: the groups carrying it are found by the new name, and audited. */
@IntegrationTest
class ReferenceDataIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GroupTestData data;
    @Autowired GroupRegistry registry;
    @Autowired SearchIndex index;
    @Autowired JdbcClient jdbc;

    @Test
    void aRenamedFieldFindsItsGroupsByTheNewName() throws Exception {
        String tag = GroupTestData.tag().replaceAll("[^a-z0-9]", "x");
        SignedInUser admin = data.account("reference-admin", "ADMIN");
        SignedInUser manager = data.account("reference-manager", "RESIDENT");
        String code = "t" + tag;
        mvc.perform(post("/admin/groups/fields").with(csrf()).with(user(admin)).param("code", code).param("name", "ひまわり農園学習")
                        .param("active", "true"))
                .andExpect(redirectedUrl("/admin/groups/fields"));
        String name = "分野改名テスト会" + tag;
        long id = data.registeredGroup(name, manager.accountId());
        jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :c)").param("g", id).param("c", code).update();
        index.put(GroupSearchSource.document(registry.listed(id).orElseThrow()));
        assertThat(found("ひまわり農園学習")).contains(name);

        mvc.perform(post("/admin/groups/fields").with(csrf()).with(user(admin)).param("code", code).param("name", "あさがお菜園講座")
                        .param("active", "true"))
                .andExpect(redirectedUrl("/admin/groups/fields"));
        assertThat(found("あさがお菜園講座")).contains(name);
        assertThat(found("ひまわり農園学習")).doesNotContain(name);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'reference.fields.save' and record_id = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(2);
    }

    private String found(String query) throws Exception {
        return mvc.perform(get("/groups").param("q", query)).andReturn().getResponse().getContentAsString();
    }
}
