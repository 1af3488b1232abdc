package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar shows published comment periods and calls by month, never drafts, and the feed carries the same. */
@IntegrationTest
class ParticipationCalendarIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ParticipationCalendar calendar;

    @Test
    void publishedPeriodsAppearOnThePageAndInTheFeed() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate first = calendar.today().plusMonths(2).withDayOfMonth(3);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '企画課', false, true, now()) returning id")
                .param("c", "cal-" + tag).query(Long.class).single();
        long open = procedure(dept, "緑の基本計画(案)" + tag, first, first.plusDays(30), "PUBLISHED");
        procedure(dept, "下書きの計画(案)" + tag, first, first.plusDays(30), "DRAFT");
        long council = jdbc.sql("insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at) values (:d, :n, '目的', 10, 2, now(), now()) returning id")
                .param("d", dept).param("n", "緑化審議会" + tag).query(Long.class).single();
        jdbc.sql("""
                        insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                            essay_limit, method, status, created_at, updated_at)
                        values (:c, 2, :o, :cl, :ts, :te, 20, true, 'テーマ', 800, 'LOTTERY', 'PUBLISHED', now(), now())""")
                .param("c", council).param("o", first.plusDays(5)).param("cl", first.plusDays(26)).param("ts", first.plusMonths(3))
                .param("te", first.plusMonths(3).plusYears(2)).update();

        jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target, registration_closes_on, status,
                            created_by, created_at, updated_at)
                        values (:d, :t, 'テーマ', :h, '13:30', '16:00', 'はにぽんプラザ 多目的ホール', 30, '市内在住の方', :c, 'PUBLISHED', 1, now(), now())""")
                .param("d", dept).param("t", "駅前広場ワークショップ" + tag).param("h", first.plusDays(10)).param("c", first.plusDays(8)).update();
        String month = first.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        mvc.perform(get("/participation/calendar").param("month", month)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("緑の基本計画(案)" + tag)))
                .andExpect(content().string(Matchers.containsString("緑化審議会" + tag + " 公募委員の募集")))
                .andExpect(content().string(Matchers.containsString(first.getYear() + "年" + first.getMonthValue() + "月")))
                .andExpect(content().string(Matchers.containsString("駅前広場ワークショップ" + tag)))
                .andExpect(content().string(Matchers.containsString("13:30〜16:00 はにぽんプラザ 多目的ホール")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("下書きの計画(案)" + tag))));
        // A month before: nothing of these.
        mvc.perform(get("/participation/calendar").param("month", first.minusMonths(2).format(DateTimeFormatter.ofPattern("yyyy-MM"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("緑の基本計画(案)" + tag))));
        // A malformed month falls back to this month rather than failing.
        mvc.perform(get("/participation/calendar").param("month", "2026-13")).andExpect(status().isOk());
        mvc.perform(get("/participation/calendar").param("month", "+999999999-12")).andExpect(status().isOk());

        byte[] feed = mvc.perform(get("/participation/calendar.ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar")).andReturn().getResponse().getContentAsByteArray();
        String ics = new String(feed, StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(ics).contains("SUMMARY:[意見募集] 緑の基本計画(案)" + tag, "SUMMARY:[委員の公募] 緑化審議会" + tag, "UID:comment-" + open + "@kyodo.",
                "DTSTART;VALUE=DATE:" + first.format(DateTimeFormatter.BASIC_ISO_DATE),
                "DTEND;VALUE=DATE:" + first.plusDays(31).format(DateTimeFormatter.BASIC_ISO_DATE),
                "URL:http://localhost/participation/comments/" + open, "SUMMARY:[ワークショップ] 駅前広場ワークショップ" + tag,
                "DTSTART:" + first.plusDays(10).format(DateTimeFormatter.BASIC_ISO_DATE) + "T043000Z",
                "LOCATION:はにぽんプラザ 多目的ホール");
        assertThat(ics).doesNotContain("下書きの計画(案)" + tag);
        mvc.perform(get("/participation")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("参加カレンダー")));
    }

    private long procedure(long dept, String title, LocalDate opens, LocalDate closes, String status) {
        return jdbc.sql("""
                        insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, created_by, created_at, updated_at)
                        values (:d, :t, '趣旨', :o, :c, :s, 1, now(), now()) returning id""")
                .param("d", dept).param("t", title).param("o", opens).param("c", closes).param("s", status).query(Long.class).single();
    }
}
