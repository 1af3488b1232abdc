package jp.kyodo.centre;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The centre's counter: the day's and the week's bookings, payments, cancellations and maintenance blocks. */
@Controller
@RequestMapping("/staff/centre")
class StaffCentreController {

    private final Bookings bookings;
    private final Advisors advisors;

    /** An hour of the day across the rooms. */
    record DayRow(String label, List<DayCell> cells) {
    }

    /** A room's hour: the live booking in it, if any, and whether the room is blocked then. */
    record DayCell(Bookings.Booking booking, boolean blocked) {
    }

    StaffCentreController(Bookings bookings, Advisors advisors) {
        this.bookings = bookings;
        this.advisors = advisors;
    }

    /** The centre is run by the secretariat: other departments' staff neither see its bookers nor change bookings. */
    @ModelAttribute
    void requireSecretariat(@AuthenticationPrincipal SignedInUser user) {
        if (user == null || !advisors.secretariat(user.departmentId(), user.has(Role.ADMIN))) {
            throw Advisors.notFound();
        }
    }

    /** The day: every room by the hour, and the day's bookings. */
    @GetMapping
    String day(@RequestParam(required = false) String date, Model model) {
        LocalDate day = date == null ? bookings.today() : JapaneseDates.tryParse(date).orElse(bookings.today());
        List<Bookings.Booking> all = bookings.between(day, day);
        model.addAttribute("day", day);
        model.addAttribute("dayText", Bookings.day(day));
        List<Bookings.Block> blocks = bookings.blocksBetween(day, day);
        List<Bookings.Room> rooms = bookings.rooms();
        List<Bookings.Booking> live = all.stream().filter(Bookings.Booking::live).toList();
        List<DayRow> grid = new ArrayList<>();
        for (int h = bookings.settings().openingHour(); h < bookings.settings().closingHour(); h++) {
            LocalDateTime start = day.atTime(h, 0);
            LocalDateTime end = start.plusHours(1);
            List<DayCell> cells = new ArrayList<>();
            for (Bookings.Room r : rooms) {
                Bookings.Booking b = live.stream().filter(x -> x.roomId() == r.id() && x.startsAt().isBefore(end) && x.endsAt().isAfter(start))
                        .findFirst().orElse(null);
                boolean blocked = blocks.stream().anyMatch(k -> k.roomId() == r.id() && k.startsAt().isBefore(end) && k.endsAt().isAfter(start));
                cells.add(new DayCell(b, blocked));
            }
            grid.add(new DayRow(h + ":00〜" + (h + 1) + ":00", cells));
        }
        model.addAttribute("rooms", rooms);
        model.addAttribute("bookings", all);
        model.addAttribute("blocks", blocks);
        model.addAttribute("grid", grid);
        model.addAttribute("closed", bookings.settings().closedOn(day));
        return "centre/staff-day";
    }

    @GetMapping("/week")
    String week(@RequestParam(required = false) String week, Model model) {
        LocalDate day = week == null ? bookings.today() : JapaneseDates.tryParse(week).orElse(bookings.today());
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        model.addAttribute("monday", monday);
        model.addAttribute("title", JapaneseDates.format(monday) + " 〜 " + JapaneseDates.format(monday.plusDays(6)));
        model.addAttribute("bookings", bookings.between(monday, monday.plusDays(6)));
        model.addAttribute("blocks", bookings.blocksBetween(monday, monday.plusDays(6)));
        return "centre/staff-week";
    }

    @GetMapping("/bookings/{id}")
    String booking(@PathVariable long id, Model model) {
        return show(id, model, Map.of("paidOn", bookings.today().toString()), null);
    }

    private String show(long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Bookings.Booking b = bookings.find(id);
        model.addAttribute("booking", b);
        model.addAttribute("methods", Bookings.PAYMENT_METHODS);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/staff-booking";
    }

    @PostMapping("/bookings/{id}/payment")
    String payment(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes redirect) {
        try {
            bookings.recordPayment(user, id, MyBookingController.parseVersion(params.get("version")), params.get("amount"), params.get("method"),
                    params.get("paidOn"));
        } catch (InvalidInputException e) {
            return show(id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.centre.paid");
        return "redirect:/staff/centre/bookings/" + id;
    }

    @PostMapping("/bookings/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        try {
            bookings.staffCancel(user, id, MyBookingController.parseVersion(params.get("version")), params.get("reason"));
        } catch (InvalidInputException e) {
            return show(id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.centre.staffCancelled");
        return "redirect:/staff/centre/bookings/" + id;
    }

    @GetMapping("/blocks")
    String blocks(Model model) {
        return showBlocks(model, Map.of(), null);
    }

    private String showBlocks(Model model, Map<String, String> typed, InvalidInputException errors) {
        LocalDate today = bookings.today();
        model.addAttribute("roomOptions", bookings.rooms().stream().map(r -> new String[] {String.valueOf(r.id()), r.name()}).toList());
        model.addAttribute("blocks", bookings.blocksBetween(today, today.plusYears(2)));
        model.addAttribute("hourOptions", java.util.stream.IntStream.rangeClosed(0, 24).mapToObj(h -> new String[] {String.valueOf(h), h + ":00"})
                .toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/staff-blocks";
    }

    @PostMapping("/blocks")
    String block(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            bookings.block(user, params);
        } catch (InvalidInputException e) {
            return showBlocks(model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.centre.blocked");
        return "redirect:/staff/centre/blocks";
    }

    @PostMapping("/blocks/{id}/delete")
    String unblock(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        bookings.removeBlock(user, id);
        redirect.addFlashAttribute("notice", "notice.centre.unblocked");
        return "redirect:/staff/centre/blocks";
    }
}
