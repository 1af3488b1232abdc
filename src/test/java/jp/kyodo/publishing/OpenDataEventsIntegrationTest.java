package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The events list follows the government's standard layout: its headings in order, and a workshop's day and times in their columns. */
@IntegrationTest
class OpenDataEventsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aWorkshopAppearsWithItsDateAndTimesInTheStandardColumns() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(20);
        String title = "イベント一覧確認ワークショップ" + tag;
        Instant now = Instant.now();
        long id = jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_closes_on, status, created_by, created_at, updated_at)
                        values (1, :t, '駅前の将来を話し合う', :d, '09:45', '11:15', '本庄市役所 大会議室', 30, 'どなたでも', :d, 'PUBLISHED', 1, :now, :now)
                        returning id""")
                .param("t", title).param("d", day).param("now", Timestamp.from(now)).query(Long.class).single();
        String draft = "下書きワークショップ" + tag;
        jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_closes_on, status, created_by, created_at, updated_at)
                        values (1, :t, '未公開', :d, '09:45', '11:15', '会議室', 30, 'どなたでも', :d, 'DRAFT', 1, :now, :now)""")
                .param("t", draft).param("d", day).param("now", Timestamp.from(now)).update();

        byte[] bytes = mvc.perform(get("/opendata/events.csv")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = OpenDataCsv.parse(csv);
        List<String> headings = rows.getFirst();
        assertThat(headings).containsExactly("全国地方公共団体コード", "ID", "地方公共団体名", "イベント名", "イベント名_カナ", "イベント名_英字",
                "開始日", "終了日", "開始時間", "終了時間", "終日フラグ", "場所名称", "所在地_連結表記", "緯度", "経度", "アクセス方法", "駐車場情報",
                "説明", "料金(基本)", "料金(詳細)", "主催者", "連絡先名称", "連絡先電話番号", "連絡先内線番号", "画像", "画像_ライセンス", "URL", "備考");
        List<String> row = rows.stream().filter(r -> r.get(1).equals("workshop-" + id)).findFirst().orElseThrow();
        assertThat(row.get(headings.indexOf("全国地方公共団体コード"))).isEqualTo("112119");
        assertThat(row.get(headings.indexOf("地方公共団体名"))).isEqualTo("埼玉県本庄市");
        assertThat(row.get(headings.indexOf("イベント名"))).isEqualTo(title);
        assertThat(row.get(headings.indexOf("開始日"))).isEqualTo(day.toString());
        assertThat(row.get(headings.indexOf("終了日"))).isEqualTo(day.toString());
        assertThat(row.get(headings.indexOf("開始時間"))).isEqualTo("09:45");
        assertThat(row.get(headings.indexOf("終了時間"))).isEqualTo("11:15");
        assertThat(row.get(headings.indexOf("終日フラグ"))).isEqualTo("FALSE");
        assertThat(row.get(headings.indexOf("場所名称"))).isEqualTo("本庄市役所 大会議室");
        assertThat(row.get(headings.indexOf("説明"))).isEqualTo("駅前の将来を話し合う");
        assertThat(row.get(headings.indexOf("連絡先電話番号"))).isEqualTo("0495-25-1111(代表)");
        assertThat(row.get(headings.indexOf("URL"))).endsWith("/participation/workshops/" + id);
        assertThat(csv).doesNotContain(draft);

        // A comment period runs whole days; a volunteer date names the group and gives no phone.
        assertThat(rows.stream().filter(r -> r.get(1).startsWith("public-comment-")).toList())
                .allSatisfy(r -> assertThat(r.get(headings.indexOf("終日フラグ"))).isEqualTo("TRUE"));
        assertThat(rows.stream().filter(r -> r.get(1).startsWith("volunteer-")).toList())
                .allSatisfy(r -> assertThat(r.get(headings.indexOf("連絡先電話番号"))).isEmpty());

        String json = mvc.perform(get("/api/v1/events").param("from", day.toString()).param("size", "100")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains(title).contains("\"startTime\":\"09:45:00\"").contains("\"localGovernmentCode\":\"112119\"");
    }
}
