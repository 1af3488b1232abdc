package jp.kyodo.centre;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking a room (signed in): the form, a confirmation page with the fee, the booking itself; "わたしの予約" with
 * cancellation.
 */
@Controller
class MyBookingController {

    private final Bookings bookings;

    MyBookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    /** The form, prefilled from a free cell of a room's week (room, date, start). */
    @GetMapping("/my/centre/book")
    String form(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model) {
        Map<String, String> typed = new HashMap<>(params);
        String start = typed.get("start");
        if (start != null && start.matches("[0-9]{1,2}") && !typed.containsKey("end")) {
            typed.put("end", String.valueOf(Integer.parseInt(start) + 1));
        }
        typed.putIfAbsent("booker", "self");
        return showForm(user, model, typed, null);
    }

    private String showForm(SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("settings", bookings.settings());
        model.addAttribute("rooms", bookings.rooms());
        model.addAttribute("groups", bookings.bookableGroups(user.accountId()));
        CentreSettings s = bookings.settings();
        model.addAttribute("roomOptions", bookings.rooms().stream().map(r -> new String[] {String.valueOf(r.id()), r.name()}).toList());
        model.addAttribute("startOptions", IntStream.range(s.openingHour(), s.closingHour()).mapToObj(MyBookingController::hourOption).toList());
        model.addAttribute("endOptions", IntStream.rangeClosed(s.openingHour() + 1, s.closingHour()).mapToObj(MyBookingController::hourOption)
                .toList());
        List<String[]> bookers = new ArrayList<>();
        bookers.add(new String[] {"self", null, "centre.bookerSelf"});
        bookings.bookableGroups(user.accountId()).forEach(g -> bookers.add(new String[] {String.valueOf(g.id()), g.name()}));
        model.addAttribute("bookerOptions", bookers);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/book";
    }

    /** Checks the request and shows the fee; nothing is booked yet. */
    @PostMapping("/my/centre/book")
    String confirm(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model) {
        try {
            model.addAttribute("quote", bookings.quote(user, params));
        } catch (InvalidInputException e) {
            return showForm(user, model, params, e);
        }
        model.addAttribute("typed", params);
        return "centre/confirm";
    }

    @PostMapping("/my/centre/book/confirm")
    String book(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        long id;
        try {
            id = bookings.book(user, params);
        } catch (InvalidInputException e) {
            return showForm(user, model, params, e);
        } catch (DataIntegrityViolationException e) {
            // The database's exclusion constraint: the room's lock makes this unreachable in practice, but the answer is the same.
            return showForm(user, model, params, new InvalidInputException("start", "validation.centre.taken"));
        }
        redirect.addFlashAttribute("notice", "notice.centre.booked");
        return "redirect:/my/centre/bookings/" + id;
    }

    @GetMapping("/my/centre/bookings")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("bookings", bookings.mine(user.accountId()));
        return "centre/my-bookings";
    }

    @GetMapping("/my/centre/bookings/{id}")
    String booking(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return showBooking(user, id, model, null);
    }

    private String showBooking(SignedInUser user, long id, Model model, InvalidInputException errors) {
        Bookings.Booking b = bookings.mine(user.accountId(), id);
        model.addAttribute("booking", b);
        model.addAttribute("cancellable", bookings.cancellable(b));
        model.addAttribute("settings", bookings.settings());
        model.addAttribute("errors", errors);
        return "centre/my-booking";
    }

    @PostMapping("/my/centre/bookings/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "-1") String version, Model model,
                  RedirectAttributes redirect) {
        try {
            bookings.cancelMine(user, id, parseVersion(version));
        } catch (InvalidInputException e) {
            return showBooking(user, id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.centre.cancelled");
        return "redirect:/my/centre/bookings/" + id;
    }

    private static String[] hourOption(int hour) {
        return new String[] {String.valueOf(hour), hour + ":00"};
    }

    static long parseVersion(String raw) {
        return raw != null && raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
    }
}
