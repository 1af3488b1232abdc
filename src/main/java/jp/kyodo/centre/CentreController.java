package jp.kyodo.centre;

import java.time.LocalDate;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The centre for everyone: its rooms, hours and rates, and each room's week of free and taken hours. */
@Controller
class CentreController {

    private final Bookings bookings;

    CentreController(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/centre")
    String centre(Model model) {
        model.addAttribute("settings", bookings.settings());
        model.addAttribute("rooms", bookings.rooms());
        return "centre/index";
    }

    @GetMapping("/centre/rooms/{id}")
    String room(@PathVariable long id, @RequestParam(required = false) String week, Model model) {
        LocalDate day = week == null ? bookings.today() : JapaneseDates.tryParse(week).orElse(bookings.today());
        model.addAttribute("settings", bookings.settings());
        model.addAttribute("room", bookings.room(id));
        model.addAttribute("week", bookings.week(id, day));
        return "centre/room";
    }
}
