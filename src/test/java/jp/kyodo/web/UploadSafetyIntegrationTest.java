package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every kind of upload, through its form: a file is judged by its bytes (HTML named {@code .pdf} and sent as
 * {@code application/pdf} is refused next to the field), an oversize file gets a message with the limit, and a stored
 * file comes back with the type its bytes were found to be, {@code nosniff}, and a {@code Content-Disposition} (inline
 * only for images) whose file name, however hostile, is encoded (RFC 5987) and cannot add a header. Files are found
 * by their record's id, never by a name the uploader chose.
 */
@IntegrationTest
class UploadSafetyIntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] PDF = "%PDF-1.7\n%kyodo upload test\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HTML_AS_PDF = "<html><script>alert('kx')</script></html>".getBytes(StandardCharsets.UTF_8);
    /** A name trying to end the header, start another, climb out of a directory and carry markup. */
    static final String HOSTILE_NAME = "../../evil\"; filename=x.html\r\nX-Injected: 1\r\n<script>.pdf";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publicCommentDocuments() throws Exception {
        SignedInUser staff = staff();
        String location = mvc.perform(post("/staff/participation/comments/new").with(csrf()).with(user(staff)).param("title", "添付確認の計画(案)" + tag())
                        .param("purpose", "添付の確認").param("opensOn", LocalDate.now().minusDays(1).toString())
                        .param("closesOn", LocalDate.now().plusDays(30).toString()).param("heading0", "第1章").param("body0", "本文"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String upload = "/staff/participation/comments/" + id + "/files";
        refused(multipart(upload).file(file("file", "plan.pdf", HTML_AS_PDF)).param("fileTitle", "計画全文").with(csrf()).with(user(staff)),
                "中身で確認", "計画全文");
        refused(multipart(upload).file(file("file", "plan.pdf", oversize(20))).param("fileTitle", "計画全文").with(csrf()).with(user(staff)),
                "20MB以下", "計画全文");
        mvc.perform(multipart(upload).file(file("file", HOSTILE_NAME, PDF)).param("fileTitle", "計画全文").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        long fileId = newestParticipationFile();
        attachment(mvc.perform(get("/staff/participation/comments/" + id + "/files/" + fileId).with(user(staff))).andReturn().getResponse(),
                "application/pdf");
    }

    @Test
    void workshopFilesAreInlineOnlyAsImages() throws Exception {
        SignedInUser staff = staff();
        LocalDate today = LocalDate.now();
        String location = mvc.perform(post("/staff/participation/workshops/new").with(csrf()).with(user(staff)).param("title", "添付確認の会" + tag())
                        .param("theme", "確認").param("heldOn", today.plusDays(10).toString()).param("startsAt", "13:30")
                        .param("endsAt", "15:30").param("place", "本庄市民活動センター").param("capacity", "2")
                        .param("target", "市内在住の方").param("closesOn", today.plusDays(8).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/staff/participation/workshops/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        String upload = "/staff/participation/workshops/" + id + "/files";
        refused(multipart(upload).file(file("file", "photo.png", HTML_AS_PDF)).param("fileTitle", "会場の様子").with(csrf()).with(user(staff)),
                "中身で確認", "会場の様子");
        mvc.perform(multipart(upload).file(file("file", HOSTILE_NAME, PNG)).param("fileTitle", "会場の様子").param("altText", "会場の様子")
                .with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        MockHttpServletResponse image = mvc.perform(get("/staff/participation/workshops/" + id + "/files/" + newestParticipationFile())
                .with(user(staff))).andReturn().getResponse();
        safeHeaders(image, "image/png");
        assertThat(image.getHeader("Content-Disposition")).startsWith("inline;");
        mvc.perform(multipart(upload).file(file("file", HOSTILE_NAME, PDF)).param("fileTitle", "記録").param("altText", "記録")
                .with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        // A PDF is a document: saved, never opened inside the portal's pages.
        attachment(mvc.perform(get("/staff/participation/workshops/" + id + "/files/" + newestParticipationFile()).with(user(staff)))
                .andReturn().getResponse(), "application/pdf");
    }

    @Test
    void groupDocuments() throws Exception {
        SignedInUser resident = people.account("upload-group", null);
        long group = jdbc.sql("""
                        insert into civic_group (type, name, status, created_by, created_at, updated_at, draft_step, version, area_code)
                        values ('CIVIC', :n, 'DRAFT', :by, now(), now(), 4, 0, 'honjo') returning id""")
                .param("n", "添付確認の会" + tag()).param("by", resident.accountId()).query(Long.class).single();
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", group).param("a", resident.accountId()).update();
        String upload = "/my/groups/" + group + "/documents";
        refused(multipart(upload).file(file("file", "bylaws.pdf", HTML_AS_PDF)).param("kind", "BYLAWS").with(csrf()).with(user(resident)),
                "中身で確認");
        refused(multipart(upload).file(file("file", "bylaws.pdf", oversize(5))).param("kind", "BYLAWS").with(csrf()).with(user(resident)),
                "5MB以下");
        assertThat(jdbc.sql("select count(*) from civic_group_document where group_id = :g").param("g", group).query(Long.class).single()).isZero();
        mvc.perform(multipart(upload).file(file("file", HOSTILE_NAME, PNG)).param("kind", "BYLAWS").with(csrf()).with(user(resident)))
                .andExpect(status().is3xxRedirection());
        long document = jdbc.sql("select id from civic_group_document where group_id = :g").param("g", group).query(Long.class).single();
        // A document is an attachment even when it is an image.
        attachment(mvc.perform(get(upload + "/" + document).with(user(resident))).andReturn().getResponse(), "image/png");
    }

    @Test
    void caseStudyPhotosAreImagesShownInline() throws Exception {
        SignedInUser staff = staff();
        long id = jdbc.sql("""
                        insert into pub_case_study (title, summary, form, fiscal_year, partner_groups, status, published_at, created_at, updated_at)
                        values (:t, '概要', 'COHOSTING', 2026, '確認の会', 'PUBLISHED', now(), now(), now()) returning id""")
                .param("t", "写真確認の事例" + tag()).query(Long.class).single();
        String upload = "/staff/case-studies/" + id + "/photos";
        refused(multipart(upload).file(file("photo", "photo.png", PDF)).param("altText", "会場の来場者").with(csrf()).with(user(staff)),
                "会場の来場者");
        mvc.perform(multipart(upload).file(file("photo", HOSTILE_NAME, PNG)).param("altText", "会場の来場者").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        long photo = jdbc.sql("select id from pub_case_study_photo where case_study_id = :c").param("c", id).query(Long.class).single();
        MockHttpServletResponse response = mvc.perform(get("/case-studies/" + id + "/photos/" + photo)).andReturn().getResponse();
        safeHeaders(response, "image/png");
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline;");
        assertThat(org.springframework.http.ContentDisposition.parse(response.getHeader("Content-Disposition")).getFilename())
                .isEqualTo("photo-" + photo + ".png");
    }

    private void refused(org.springframework.test.web.servlet.RequestBuilder request, String... shown) throws Exception {
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("field__error").contains(shown);
    }

    private static void attachment(MockHttpServletResponse response, String type) {
        safeHeaders(response, type);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
    }

    /** The type its bytes are, nosniff, and a file name that is encoded and adds no header. */
    private static void safeHeaders(MockHttpServletResponse response, String type) {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(type);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String disposition = response.getHeader("Content-Disposition");
        assertThat(disposition).isNotNull().doesNotContain("\r").doesNotContain("\n").doesNotContain("\0");
        assertThat(response.getHeaderNames()).doesNotContain("X-Injected");
        assertThat(disposition).containsPattern("filename\\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+(;|$)");
        // The name a browser reads is the whole name with its own extension, not one smuggled in by a quote.
        String name = org.springframework.http.ContentDisposition.parse(disposition).getFilename();
        assertThat(name).doesNotEndWith("x.html").matches("(?s).*\\.(pdf|png)$");
    }

    private SignedInUser staff() {
        long department = people.department("添付確認課", true);
        return people.account("upload-staff", department, "STAFF", "ADMIN");
    }

    private long newestParticipationFile() {
        return jdbc.sql("select max(id) from participation_file").query(Long.class).single();
    }

    private static MockMultipartFile file(String part, String name, byte[] content) {
        // The browser's word for the type is always the harmless one: the portal must not believe it.
        return new MockMultipartFile(part, name, name.endsWith(".png") ? "image/png" : "application/pdf", content);
    }

    /** A real PDF one byte over the limit. */
    private static byte[] oversize(int megabytes) {
        byte[] content = Arrays.copyOf(PDF, megabytes * 1024 * 1024 + 1);
        Arrays.fill(content, PDF.length, content.length, (byte) ' ');
        return content;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
