package jp.kyodo.participation;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The participation hub, the calendar by month and its iCalendar feed. */
@Controller
class ParticipationController {

    private final ParticipationCalendar calendar;
    private final MessageSource messages;

    ParticipationController(ParticipationCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/participation")
    String hub(Model model) {
        model.addAttribute("upcoming", calendar.upcoming(6));
        return "participation/index";
    }

    @GetMapping("/participation/calendar")
    String month(@RequestParam(required = false) String month, Model model) {
        YearMonth shown;
        try {
            shown = month == null || month.isBlank() ? YearMonth.from(calendar.today()) : YearMonth.parse(month);
            if (shown.getYear() < 1900 || shown.getYear() > 2999) {
                shown = YearMonth.from(calendar.today());
            }
        } catch (java.time.DateTimeException e) {
            shown = YearMonth.from(calendar.today());
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1).toString());
        model.addAttribute("next", shown.plusMonths(1).toString());
        model.addAttribute("entries", calendar.month(shown));
        return "participation/calendar";
    }

    @GetMapping("/participation/calendar.ics")
    ResponseEntity<byte[]> feed() {
        Locale locale = LocaleContextHolder.getLocale();
        String body = calendar.ics(e -> "[" + messages.getMessage("calendar.kind." + e.kind(), null, locale) + "] " + e.title());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"participation.ics\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
