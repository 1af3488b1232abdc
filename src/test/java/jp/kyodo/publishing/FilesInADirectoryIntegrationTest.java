package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.FileStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal configured with {@code kyodo.files.store=directory}: a photo uploaded through a staff page is written to
 * the directory (the row keeps only its key), served back from there, and removed from it with its row.
 */
@SpringBootTest(properties = {"kyodo.files.store=directory",
        "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration"})
@AutoConfigureMockMvc
@Import(TestMailServer.class)
class FilesInADirectoryIntegrationTest {

    private static final Path FILES;

    static {
        try {
            FILES = Files.createTempDirectory("kyodo-files-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("kyodo.files.directory", FILES::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired FileStorage files;

    @Test
    void anUploadedPhotoIsKeptInTheDirectoryServedFromItAndRemovedWithItsRow() throws Exception {
        assertThat(files.kind()).isEqualTo("directory");
        SignedInUser staff = people.account("files-staff", null, "STAFF");
        String created = mvc.perform(post("/staff/case-studies/new").with(user(staff)).with(csrf())
                        .param("title", "駅前花壇の植え替え").param("summary", "花壇を市民と植え替えた").param("form", "COHOSTING")
                        .param("fiscalYear", "2026").param("fields", "kankyo").param("partnerGroups", "花の会")
                        .param("departmentName", "環境推進課").param("budget", "50,000").param("periodFrom", "2026-04-01")
                        .param("periodTo", "2027-03-31").param("lessons", "水やり当番が続いた").param("activities", "花を植えた"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.replaceAll("\\D+", ""));

        mvc.perform(multipart("/staff/case-studies/{id}/photos", id).file(new MockMultipartFile("photo", "a.png", "image/png", CaseStudyIntegrationTest.PNG))
                        .param("altText", "植え替えた花壇").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select id, content is null as in_store, content_key from pub_case_study_photo where case_study_id = :c").param("c", id)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getString(3)}).single();
        long photo = (Long) row[0];
        assertThat((Boolean) row[1]).isTrue();
        Path file = FILES.resolve((String) row[2]);
        assertThat(file).isRegularFile();

        byte[] served = mvc.perform(get("/staff/case-studies/{id}/photos/{p}", id, photo).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');

        mvc.perform(post("/staff/case-studies/{id}/photos/{p}/delete", id, photo).with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(file).doesNotExist();
        assertThat(jdbc.sql("select count(*) from pub_case_study_photo where case_study_id = :c").param("c", id).query(Long.class).single()).isZero();
    }
}
