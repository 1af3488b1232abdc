package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** No person's private address, phone or e-mail reaches the directory pages, the API or the open data. */
@IntegrationTest
class PublicDataPrivacyIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired CivicGroups groups;
    @Autowired GroupRegistry registry;
    @Autowired TransactionTemplate tx;
    @Autowired jp.kyodo.search.SearchIndex searchIndex;

    @Test
    void onlyConsentedContactDetailsArePublished() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "プライバシー確認の会" + tag;
        long id = tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, "プライバシーカクニンノカイ", 1L, now);
            g.editBasics(GroupType.CIVIC, name, "プライバシーカクニンノカイ", null, 8, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("jinken")), "個人情報を守る", "確認", null, null, null, null, true, false, now);
            // The group asks to publish the representative's phone and address; he agrees to the phone only. It asks to
            // publish the contact person's e-mail, and she has not answered.
            g.editPeople(new Person("公開 一郎", null, "3670001", "本庄市秘密町1-" + tag, "0495-99-0001", "rep-" + tag + "@example.jp",
                            true, true, false),
                    new Person("非公開 花子", null, "3670002", "本庄市内緒町2-" + tag, "090-9999-" + tag.substring(0, 4).replaceAll("[^0-9]", "1"),
                            "contact-" + tag + "@example.jp", false, false, true),
                    now);
            g.consent("rep", false, true, true, now);
            g.submit(now);
            g.approve("P-" + tag, LocalDate.now(), registry.validUntil(LocalDate.now()), now);
            return groups.save(g).id();
        });
        searchIndex.put(GroupSearchSource.document(registry.listed(id).orElseThrow()));
        List<String> secrets = List.of("秘密町", "rep-" + tag, "内緒町", "contact-" + tag, "3670001", "367-0001", "3670002", "367-0002");

        String list = body(get("/groups").param("q", name));
        String page = body(get("/groups/" + id));
        String api = body(get("/api/v1/groups").param("q", name));
        byte[] csvBytes = mvc.perform(get("/opendata/groups.csv")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(csvBytes, StandardCharsets.UTF_8);

        assertThat(list).contains(name);
        assertThat(page).contains(name).contains("公開 一郎").contains("0495-99-0001").contains("非公開 花子");
        assertThat(api).contains(name).contains("0495-99-0001");
        assertThat(csv).contains(name).contains("0495-99-0001");
        for (String secret : secrets) {
            assertThat(list).as("directory list").doesNotContain(secret);
            assertThat(page).as("public page").doesNotContain(secret);
            assertThat(api).as("API").doesNotContain(secret);
            assertThat(csv).as("CSV").doesNotContain(secret);
        }
        String openApi = body(get("/v3/api-docs"));
        assertThat(openApi).contains("/api/v1/groups").contains("PersonJson").doesNotContain("publishAddress").doesNotContain("postalCode");
        assertThat(csvBytes[0] & 0xFF).as("BOM for Excel").isEqualTo(0xEF);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("登録番号").contains("代表者メール");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
