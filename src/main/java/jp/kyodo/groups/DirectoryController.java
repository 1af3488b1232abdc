package jp.kyodo.groups;

import java.util.List;
import java.util.Locale;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory of registered groups (団体をさがす). */
@Controller
class DirectoryController {

    static final int PAGE_SIZE = 20;

    private final GroupRegistry registry;
    private final ReferenceData reference;

    DirectoryController(GroupRegistry registry, ReferenceData reference) {
        this.registry = registry;
        this.reference = reference;
    }

    @GetMapping("/groups")
    String directory(@RequestParam(required = false) String q, @RequestParam(required = false) GroupType type,
                     @RequestParam(required = false) String field, @RequestParam(required = false) String area,
                     @RequestParam(defaultValue = "false") boolean welcomes, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        String key = q == null || q.isBlank() ? null : TextNormalizer.searchKey(q);
        List<PublicGroup> found = registry.listed().stream()
                .filter(g -> type == null || g.type() == type)
                .filter(g -> field == null || field.isBlank() || g.fields().stream().anyMatch(f -> f.code().equals(field)))
                .filter(g -> area == null || area.isBlank() || (g.area() != null && g.area().code().equals(area)))
                .filter(g -> !welcomes || g.welcomesMembers() || g.welcomesVolunteers())
                .filter(g -> key == null || matches(g, key))
                .toList();
        int from = Math.min(Math.max(page, 0) * PAGE_SIZE, found.size());
        model.addAttribute("groups", found.subList(from, Math.min(from + PAGE_SIZE, found.size())));
        model.addAttribute("total", found.size());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("field", field);
        model.addAttribute("area", area);
        model.addAttribute("welcomes", welcomes);
        model.addAttribute("groupTypes", GroupType.values());
        model.addAttribute("fields", reference.fields());
        model.addAttribute("areas", reference.areas());
        return "groups/directory";
    }

    @GetMapping("/groups/{id}")
    String group(@PathVariable long id, Model model) {
        model.addAttribute("group", registry.listed(id).orElseThrow(GroupRegistry::notFound));
        return "groups/public";
    }

    private static boolean matches(PublicGroup g, String key) {
        String haystack = TextNormalizer.searchKey(String.join(" ",
                nz(g.name()), nz(g.nameKana()), nz(g.purpose()), nz(g.activities()),
                String.join(" ", g.fields().stream().map(f -> f.name()).toList()),
                g.area() == null ? "" : g.area().name())).toLowerCase(Locale.ROOT);
        for (String word : key.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
