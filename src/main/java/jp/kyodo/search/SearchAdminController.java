package jp.kyodo.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kyodo.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see how many documents of each kind the index holds and rebuild one kind or all, with progress. */
@Controller
class SearchAdminController {

    private final SearchIndex index;
    private final SearchRebuilds rebuilds;
    private final AuditLog audit;
    private final MessageSource messages;

    SearchAdminController(SearchIndex index, SearchRebuilds rebuilds, AuditLog audit, MessageSource messages) {
        this.index = index;
        this.rebuilds = rebuilds;
        this.audit = audit;
        this.messages = messages;
    }

    /** One kind of document: its label, how many the index holds, and whether it can be rebuilt. */
    record Kind(String type, String label, long count, boolean rebuildable) {
    }

    @GetMapping("/admin/search")
    String page(Locale locale, Model model) {
        List<String> sources = index.sourceTypes();
        List<String> types = new ArrayList<>(sources);
        index.types().stream().filter(t -> !types.contains(t)).forEach(types::add);
        model.addAttribute("kinds", types.stream()
                .map(t -> new Kind(t, messages.getMessage("search.type." + t, null, t, locale), index.count(t), sources.contains(t)))
                .toList());
        model.addAttribute("progress", rebuilds.progress());
        return "search/admin";
    }

    /** The progress alone, polled by htmx while a rebuild runs; without htmx, the whole page. */
    @GetMapping("/admin/search/progress")
    String progress(@RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        if (htmx == null) {
            return "redirect:/admin/search";
        }
        model.addAttribute("progress", rebuilds.progress());
        return "search/admin :: progress";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(@RequestParam(defaultValue = "") String type, RedirectAttributes redirect) {
        List<String> sources = index.sourceTypes();
        List<String> types = type.isBlank() ? sources : sources.contains(type) ? List.of(type) : List.of();
        if (types.isEmpty()) {
            redirect.addFlashAttribute("notice", "search.admin.unknownType");
            return "redirect:/admin/search";
        }
        if (!rebuilds.start(types)) {
            redirect.addFlashAttribute("notice", "search.admin.busy");
            return "redirect:/admin/search";
        }
        audit.record("search.rebuild", "search_index", type.isBlank() ? "all" : type, String.join(", ", types));
        redirect.addFlashAttribute("notice", "search.admin.started");
        return "redirect:/admin/search";
    }
}
