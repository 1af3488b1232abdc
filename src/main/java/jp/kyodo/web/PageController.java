package jp.kyodo.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The top page, the pages that explain the programme, and the administrators' start page. */
@Controller
class PageController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "web/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "web/privacy";
    }

    /** The staff menu: every area a department works in, one link each. */
    @GetMapping("/staff")
    String staff() {
        return "web/staff";
    }

    @GetMapping("/admin")
    String admin() {
        return "web/admin";
    }
}
