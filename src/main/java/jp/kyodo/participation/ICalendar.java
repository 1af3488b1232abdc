package jp.kyodo.participation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writing an iCalendar (RFC 5545) feed by hand: text escaped (backslash, semicolon, comma, line breaks), content
 * lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
 */
final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final StringBuilder out = new StringBuilder();

    ICalendar(String productId, String name, String timeZone) {
        // X-WR-TIMEZONE only tells clients which zone the calendar is about; the times themselves are in UTC.
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:" + text(productId));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
        line("X-WR-TIMEZONE:" + timeZone);
    }

    /** An all-day event from {@code first} to {@code last} inclusive (iCalendar's end date is exclusive). */
    ICalendar allDay(String uid, Instant stamp, LocalDate first, LocalDate last, String summary, String description, String location, String url,
                     boolean cancelled) {
        line("BEGIN:VEVENT");
        line("UID:" + uid);
        line("DTSTAMP:" + utc(stamp));
        line("DTSTART;VALUE=DATE:" + first.format(DATE));
        line("DTEND;VALUE=DATE:" + last.plusDays(1).format(DATE));
        rest(summary, description, location, url, cancelled);
        return this;
    }

    /** A timed event, written in UTC (no VTIMEZONE needed; every client shows it in its own zone). */
    ICalendar timed(String uid, Instant stamp, Instant start, Instant end, String summary, String description, String location, String url,
                    boolean cancelled) {
        line("BEGIN:VEVENT");
        line("UID:" + uid);
        line("DTSTAMP:" + utc(stamp));
        line("DTSTART:" + utc(start));
        line("DTEND:" + utc(end));
        rest(summary, description, location, url, cancelled);
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private void rest(String summary, String description, String location, String url, boolean cancelled) {
        line("SUMMARY:" + text(summary));
        if (cancelled) {
            line("STATUS:CANCELLED");
        }
        if (description != null && !description.isBlank()) {
            line("DESCRIPTION:" + text(description));
        }
        if (location != null && !location.isBlank()) {
            line("LOCATION:" + text(location));
        }
        if (url != null) {
            line("URL:" + url);
        }
        line("END:VEVENT");
    }

    private static String utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0).format(LOCAL) + "Z";
    }

    /** A TEXT value escaped as RFC 5545 §3.3.11 requires. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A content line folded at 75 octets (a CRLF and a space before each continuation), never inside a character. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.append(ch);
            octets += size;
            i += Character.charCount(cp);
        }
        return folded.append("\r\n").toString();
    }

    private void line(String content) {
        out.append(fold(content));
    }
}
