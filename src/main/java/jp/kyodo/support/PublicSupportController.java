package jp.kyodo.support;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public lists: events the city endorses or co-hosts, and the subsidy programmes. */
@Controller
class PublicSupportController {

    private final Events events;
    private final Subsidies subsidies;

    PublicSupportController(Events events, Subsidies subsidies) {
        this.events = events;
        this.subsidies = subsidies;
    }

    @GetMapping("/support/events")
    String events(Model model) {
        model.addAttribute("events", events.publicList());
        return "support/events-public";
    }

    @GetMapping("/support/subsidies")
    String subsidies(Model model) {
        model.addAttribute("programmes", subsidies.programmes());
        return "support/subsidies-public";
    }
}
