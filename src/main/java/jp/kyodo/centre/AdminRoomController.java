package jp.kyodo.centre;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators describe the centre's rooms and set their rates. */
@Controller
@RequestMapping("/admin/centre/rooms")
class AdminRoomController {

    private final Rooms rooms;

    AdminRoomController(Rooms rooms) {
        this.rooms = rooms;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rooms", rooms.all());
        return "centre/admin-rooms";
    }

    @GetMapping({"/new", "/{id}"})
    String form(@PathVariable(required = false) Long id, Model model) {
        Map<String, String> typed = new HashMap<>();
        if (id != null) {
            Rooms.AdminRoom r = rooms.find(id).orElseThrow(Bookings::notFound);
            typed.put("name", r.name());
            typed.put("nameEn", r.nameEn() == null ? "" : r.nameEn());
            typed.put("capacity", String.valueOf(r.capacity()));
            typed.put("equipment", r.equipment() == null ? "" : r.equipment());
            typed.put("equipmentEn", r.equipmentEn() == null ? "" : r.equipmentEn());
            typed.put("activityRate", String.valueOf(r.activityRate()));
            typed.put("standardRate", String.valueOf(r.standardRate()));
            typed.put("sortOrder", String.valueOf(r.sortOrder()));
            typed.put("version", String.valueOf(r.version()));
            if (r.active()) {
                typed.put("active", "true");
            }
        }
        return show(id, model, typed, null);
    }

    private String show(Long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("roomId", id);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/admin-room-form";
    }

    @PostMapping({"/new", "/{id}"})
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable(required = false) Long id, @RequestParam Map<String, String> p,
                Model model, RedirectAttributes redirect) {
        try {
            rooms.save(user, id, p);
        } catch (InvalidInputException e) {
            return show(id, model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.room.saved");
        return "redirect:/admin/centre/rooms";
    }
}
