package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A registered group's application documents stay: deleting one tells the manager why, instead of failing. */
@IntegrationTest
class RegisteredGroupDocumentTest {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired GroupDocuments documents;
    @Autowired JdbcClient jdbc;

    @Test
    void aRegisteredGroupsDocumentIsKeptAndTheManagerIsToldWhy() throws Exception {
        SignedInUser manager = people.account("doc-owner", null);
        long group = people.registeredGroup("書類を残す会", manager.accountId());
        long document = documents.save(group, DocumentKind.BYLAWS, "会則.pdf", "application/pdf",
                "%PDF-1.4 会則".getBytes(StandardCharsets.UTF_8), manager.accountId(), Instant.now());

        MvcResult result = mvc.perform(post("/my/groups/{id}/documents/{d}/delete", group, document).with(user(manager)).with(csrf()))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/my/groups/" + group);
        assertThat(result.getFlashMap().get("notice")).isEqualTo("validation.group.notEditable");
        assertThat(jdbc.sql("select count(*) from civic_group_document where id = :id").param("id", document).query(Long.class).single())
                .isEqualTo(1);
    }
}
