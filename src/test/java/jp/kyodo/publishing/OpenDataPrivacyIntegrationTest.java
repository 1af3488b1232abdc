package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.StatementCounter;
import jp.kyodo.TestMailServer;
import jp.kyodo.shared.OpenDataset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Open data carries public records only, over the whole demo content (its own context, with demo data on) and the
 * records made here: people who registered, commented, applied or booked leave their name, e-mail,
 * phone and address with the city, and none of it appears in any dataset's CSV or JSON or in any /api/v1 path of the
 * OpenAPI document. Every {@link OpenDataset} bean is walked, so a dataset added later is covered too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyodo.demo-data=true")
@AutoConfigureMockMvc
@Import({TestMailServer.class, StatementCounter.class})
class OpenDataPrivacyIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired List<OpenDataset> datasets;

    @Test
    void noPersonalFieldLeavesThroughAnyDatasetOrApiPath() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String digits = String.valueOf(Math.abs(tag.hashCode()) % 10000 + 10000).substring(1);
        Instant now = Instant.now();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(40);
        List<String> secrets = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();

        // A published workshop and a registrant of it.
        String workshopTitle = "公開確認ワークショップ" + tag;
        long workshop = jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_closes_on, status, created_by, created_at, updated_at)
                        values (1, :t, 'オープンデータの確認', :d, '13:30', '15:30', '市民活動交流センター', 20, 'どなたでも', :d, 'PUBLISHED', 1, :now, :now)
                        returning id""")
                .param("t", workshopTitle).param("d", day).param("now", Timestamp.from(now)).query(Long.class).single();
        secrets.addAll(List.of("申込者秘密" + tag, "ws-" + tag + "@private.example", "080-7" + digits + "-1" + digits));
        jdbc.sql("""
                        insert into ws_registration (workshop_id, name, email, phone, status, token_hash, created_at)
                        values (:w, :n, :e, :p, 'CONFIRMED', :h, :now)""")
                .param("w", workshop).param("n", secrets.get(0)).param("e", secrets.get(1)).param("p", secrets.get(2))
                .param("h", "h" + tag + UUID.randomUUID()).param("now", Timestamp.from(now)).update();

        // A commenter on every public comment procedure, in a group of comments the city answered where there is one.
        String commenter = "意見提出者秘密" + tag;
        secrets.addAll(List.of(commenter, "本庄市秘密町" + tag, "pc-" + tag + "@private.example"));
        for (Map<String, Object> p : jdbc.sql("""
                select p.id, (select min(v.group_key) from pc_view v where v.procedure_id = p.id) as group_key
                from pc_procedure p where p.status <> 'DRAFT'""").query().listOfRows()) {
            jdbc.sql("""
                            insert into pc_comment (procedure_id, name, address, email, eligibility, body, status, group_key, created_at, confirmed_at)
                            values (:p, :n, :a, :e, 'LIVE', '意見の本文', 'RECEIVED', :g, :now, :now)""")
                    .param("p", p.get("id")).param("n", commenter).param("a", "本庄市秘密町" + tag).param("e", "pc-" + tag + "@private.example")
                    .param("g", p.get("group_key")).param("now", Timestamp.from(now)).update();
        }

        // An applicant to every council call (public members are chosen from them; only the chosen appear, as members).
        secrets.addAll(List.of("応募者秘密" + tag, "オウボシャヒミツ" + tag, "本庄市応募町" + tag, "070-6" + digits + "-2" + digits));
        long n = 0;
        for (Long call : jdbc.sql("select id from council_call").query(Long.class).list()) {
            jdbc.sql("""
                            insert into council_application (call_id, number, account_id, name, furigana, birth_date, address, phone, essay, status, created_at)
                            values (:c, :num, :acc, :n, :f, '1980-01-01', :a, :p, '作文', 'SUBMITTED', :now)""")
                    .param("c", call).param("num", "T" + tag + (n++)).param("acc", 900_000_000L + Math.abs(tag.hashCode() % 1000))
                    .param("n", "応募者秘密" + tag).param("f", "オウボシャヒミツ" + tag).param("a", "本庄市応募町" + tag)
                    .param("p", "070-6" + digits + "-2" + digits).param("now", Timestamp.from(now)).update();
        }

        // A registrant of every published course.
        secrets.addAll(List.of("受講者秘密" + tag, "tr-" + tag + "@private.example"));
        jdbc.sql("""
                        insert into training_registration (course_id, name, email, status, created_at)
                        select id, :n, :e, 'CONFIRMED', :now from training_course where status = 'PUBLISHED'""")
                .param("n", "受講者秘密" + tag).param("e", "tr-" + tag + "@private.example").param("now", Timestamp.from(now)).update();

        // A volunteer applicant on every shift, with a message.
        secrets.addAll(List.of("ボランティア応募者秘密" + tag, "連絡先は090-5" + digits));
        jdbc.sql("""
                        insert into vol_application (shift_id, opportunity_id, applicant_name, message, status, created_at, updated_at)
                        select s.id, s.opportunity_id, :n, :m, 'APPLIED', :now, :now from vol_shift s""")
                .param("n", "ボランティア応募者秘密" + tag).param("m", "連絡先は090-5" + digits).param("now", Timestamp.from(now)).update();

        // A (cancelled, so that it blocks no one) booking of every room.
        secrets.add("予約者秘密" + tag);
        jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                            payment_due_on, created_at)
                        select id, :s, :e, 1, :n, '会議', 3, 0, 0, 'CANCELLED', :d, :now from centre_room""")
                .param("s", Timestamp.from(now.plusSeconds(86_400 * 50))).param("e", Timestamp.from(now.plusSeconds(86_400 * 50 + 3600)))
                .param("n", "予約者秘密" + tag).param("d", day).param("now", Timestamp.from(now)).update();

        // An event the city endorsed, organised by a private person (not a registered group).
        String supportedEvent = "個人主催の後援事業" + tag;
        secrets.addAll(List.of("個人主催者秘密" + tag, "本庄市主催町" + tag, "代表者秘密" + tag, "0495-8" + digits, "se-" + tag + "@private.example",
                "役員秘密" + tag));
        jdbc.sql("""
                        insert into support_event (kind, applicant_id, organiser_name, organiser_address, organiser_representative, organiser_phone,
                            organiser_email, officers, event_name, purpose, starts_on, ends_on, venue, fee, outline, department_id, status,
                            created_at, updated_at)
                        values ('ENDORSEMENT', 1, :n, :a, :r, :p, :e, :o, :t, '地域の交流', :d, :d, '中央公民館', 0, '概要', 1, 'APPROVED', :now, :now)""")
                .param("n", "個人主催者秘密" + tag).param("a", "本庄市主催町" + tag).param("r", "代表者秘密" + tag).param("p", "0495-8" + digits)
                .param("e", "se-" + tag + "@private.example").param("o", "役員秘密" + tag).param("t", supportedEvent).param("d", day)
                .param("now", Timestamp.from(now)).update();

        // The contact details the demo people (and those above) left with the city. Their names are not checked here:
        // a demo person may also be public elsewhere (a group's representative, a council member); the names made above are.
        for (String sql : List.of(
                "select email from ws_registration", "select phone from ws_registration",
                "select address from pc_comment", "select email from pc_comment",
                "select address from council_application", "select phone from council_application",
                "select email from training_registration",
                "select organiser_address from support_event where group_id is null", "select organiser_phone from support_event where group_id is null",
                "select organiser_email from support_event where group_id is null")) {
            jdbc.sql(sql).query(String.class).list().stream().filter(v -> v != null && v.strip().length() >= 4).map(String::strip)
                    .forEach(v -> {
                        secrets.add(v);
                        sources.put(v, sql);
                    });
        }

        Map<String, String> outputs = new LinkedHashMap<>();
        assertThat(datasets).extracting(OpenDataset::id).contains("groups", "events", "workshops", "public-comments", "councils", "courses",
                "centre-rooms", "volunteer-opportunities", "business-offers", "collaboration-calls", "collaboration-results",
                "collaboration-projects", "supported-events", "subsidy-programmes");
        for (OpenDataset d : datasets) {
            byte[] bytes = mvc.perform(get(d.csvPath())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(bytes.length).as(d.csvPath()).isGreaterThan(3);
            assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("BOM of " + d.csvPath())
                    .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String csv = new String(bytes, StandardCharsets.UTF_8);
            List<List<String>> rows = OpenDataCsv.parse(csv);
            assertThat(rows.getFirst()).as("headings of " + d.csvPath()).containsExactlyElementsOf(d.columns());
            for (List<String> row : rows) {
                assertThat(row).as("cells in a row of " + d.csvPath()).hasSize(d.columns().size());
            }
            outputs.put(d.csvPath(), csv);
            outputs.putAll(allPages(d.jsonPath()));
        }
        String openApi = body(get("/v3/api-docs"));
        Set<String> apiPaths = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\"(/api/v1/[^\"{}]*)\"\\s*:").matcher(openApi);
        while (m.find()) {
            apiPaths.add(m.group(1));
        }
        assertThat(apiPaths).contains("/api/v1/events", "/api/v1/workshops", "/api/v1/councils", "/api/v1/courses");
        for (String path : apiPaths) {
            outputs.putAll(allPages(path));
        }

        // The records themselves are there, so the absence of their people means something.
        assertThat(outputs.get("/opendata/workshops.csv")).contains(workshopTitle);
        assertThat(outputs.get("/opendata/events.csv")).contains(workshopTitle);
        assertThat(outputs.get("/opendata/supported-events.csv")).contains(supportedEvent);
        // With the demo content every dataset has rows, so that each was really read through.
        datasets.forEach(d -> System.out.println("open data rows " + d.id() + ": " + (OpenDataCsv.parse(outputs.get(d.csvPath())).size() - 1)));
        for (OpenDataset d : datasets) {
            assertThat(OpenDataCsv.parse(outputs.get(d.csvPath()))).as("rows of " + d.csvPath()).hasSizeGreaterThan(1);
        }
        for (Map.Entry<String, String> out : outputs.entrySet()) {
            for (String secret : secrets) {
                assertThat(out.getValue()).as(out.getKey() + " must not contain " + secret + " (" + sources.getOrDefault(secret, "made here") + ")").doesNotContain(secret);
            }
        }
        // Nobody's personal e-mail of any kind, only the city's office address if at all.
        for (Map.Entry<String, String> out : outputs.entrySet()) {
            assertThat(out.getValue()).as(out.getKey()).doesNotContain("@private.example");
        }
    }

    /** Every page of a JSON list, by URL. */
    private Map<String, String> allPages(String path) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int page = 0; page < 50; page++) {
            String json = body(get(path).param("page", String.valueOf(page)).param("size", "100"));
            pages.put(path + "?page=" + page, json);
            if (!json.contains("\"items\":[") || json.contains("\"items\":[]") || !json.contains("\"total\":")) {
                break;
            }
            Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(json);
            if (total.find() && Long.parseLong(total.group(1)) <= (page + 1) * 100L) {
                break;
            }
        }
        return pages;
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
