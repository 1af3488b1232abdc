package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ICalendarTest {

    @Test
    void escapesTextAsTheStandardRequires() {
        assertThat(ICalendar.text("会場;本庄市, 2階\\東\n午後")).isEqualTo("会場\\;本庄市\\, 2階\\\\東\\n午後");
    }

    @Test
    void foldsAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String line = "SUMMARY:" + "駅北口まちづくり計画".repeat(10);
        String folded = ICalendar.fold(line);
        assertThat(folded).endsWith("\r\n");
        String[] parts = folded.substring(0, folded.length() - 2).split("\r\n", -1);
        assertThat(parts.length).isGreaterThan(3);
        for (String part : parts) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).startsWith(" ");
        }
        // Unfolding (removing CRLF and the one space) gives the line back.
        assertThat(folded.substring(0, folded.length() - 2).replace("\r\n ", "")).isEqualTo(line);
        assertThat(ICalendar.fold("SUMMARY:short")).isEqualTo("SUMMARY:short\r\n");
    }

    @Test
    void allDayEventsEndTheDayAfterTheLastAndTimedOnesCarryTheZone() {
        String ics = new ICalendar("-//Kyodo//JA", "参加カレンダー", "Asia/Tokyo")
                .allDay("pc-1@kyodo", Instant.parse("2026-11-28T00:00:00Z"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30), "意見募集", null, null,
                        "https://example.jp/participation/comments/1", false)
                .timed("ws-2@kyodo", Instant.parse("2026-11-28T00:00:00Z"), LocalDateTime.of(2026, 12, 5, 13, 30).atZone(ZoneId.of("Asia/Tokyo")).toInstant(),
                        LocalDateTime.of(2026, 12, 5, 16, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant(), "ワークショップ", "説明", "はにぽんプラザ", null, true)
                .end();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:20261201\r\n", "DTEND;VALUE=DATE:20261231\r\n", "DTSTAMP:20261128T000000Z\r\n",
                        "DTSTART:20261205T043000Z\r\n", "DTEND:20261205T070000Z\r\n", "STATUS:CANCELLED\r\n", "LOCATION:はにぽんプラザ\r\n")
                .doesNotContain("\n\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
    }
}
