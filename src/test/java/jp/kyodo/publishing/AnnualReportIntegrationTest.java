package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report of FY2019 (令和元年度, which no other test uses) with a room of its own: the page shows each chart's
 * table, the CSV has the figure as a row, the PDF has the Japanese headings and the figures.
 */
@IntegrationTest
class AnnualReportIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private String room;

    @BeforeEach
    void aRoomUsedInTwoYears() {
        room = "報告テスト室" + UUID.randomUUID().toString().substring(0, 6);
        long id = jdbc.sql("""
                        insert into centre_room (code, name, capacity, activity_rate, standard_rate, sort_order, active)
                        values (:c, :n, 10, 100, 200, 950, false) returning id""")
                .param("c", "rt-" + room.hashCode()).param("n", room).query(Long.class).single();
        booking(id, "2019-06-01T10:00+09:00", 2);
        booking(id, "2020-03-01T13:00+09:00", 5);
        booking(id, "2018-06-01T10:00+09:00", 1);
    }

    @Test
    void thePageShowsEveryChartWithItsTableAndTheYearSwitcher() throws Exception {
        String html = mvc.perform(get("/report/2019")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("令和元年度(2019年度) 年度報告", "<figure", "<figcaption", "data-chart=",
                "/report/2019/figures.csv", "/report/2019/report.pdf", "href=\"/report/2018\"");
        // The room's row in the table of hours per room: 2 + 5 hours.
        assertThat(html).containsPattern("<th scope=\"row\">" + room + "</th>\\s*<td class=\"number\">7</td>");
        assertThat(html).doesNotContain("<script>").doesNotContain(" style=\"");
        assertThat(html.split("<figure", -1)).hasSize(1 + 15);
        assertThat(html.split("<table", -1)).hasSize(1 + 15);
    }

    @Test
    void inEnglishTheReportNamesTheFiscalYearFy2019() throws Exception {
        String html = mvc.perform(get("/report/2019").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Annual report FY2019", "Use of the civic activity centre", "Hours used per room in FY2019", room);
    }

    @Test
    void aYearWithoutDataIsNotFound() throws Exception {
        mvc.perform(get("/report/1999")).andExpect(status().isNotFound());
        mvc.perform(get("/report/1999/figures.csv")).andExpect(status().isNotFound());
    }

    @Test
    void theCsvHasABomHeadingsAndOneRowPerFigure() throws Exception {
        byte[] csv = mvc.perform(get("/report/2019/figures.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst()).hasValue("\"区分\",\"項目\",\"内訳\",\"年度\",\"値\"");
        assertThat(text).contains("\"市民活動センターの利用\",\"予約件数\",\"" + room + "\",\"2019\",\"2\"\r\n",
                "\"市民活動センターの利用\",\"利用時間\",\"" + room + "\",\"2019\",\"7\"\r\n",
                "\"市民活動センターの利用\",\"利用時間\",\"" + room + "\",\"2018\",\"1\"\r\n");
    }

    @Test
    void thePdfIsInJapaneseWithItsChartsFigures() throws Exception {
        byte[] pdf = mvc.perform(get("/report/2019/report.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("令和元年度(2019年度) 年度報告", "登録団体", "提案と採択", "市民活動センターの利用",
                    "令和元年度の部屋ごとの利用時間", room);
            assertThat(text).containsPattern(room + "\\s*7");
        }
    }

    private void booking(long room, String start, int hours) {
        OffsetDateTime starts = OffsetDateTime.parse(start);
        jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                            payment_due_on, created_at)
                        values (:r, :s, :e, -1, '報告テスト', '会議', 5, 100, :fee, 'PAID', :due, now())""")
                .param("r", room).param("s", starts).param("e", starts.plusHours(hours)).param("fee", 100L * hours)
                .param("due", starts.toLocalDate()).update();
    }
}
