package jp.kyodo.groups;

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
    private final GroupDirectory directory;
    private final ReferenceData reference;

    DirectoryController(GroupRegistry registry, GroupDirectory directory, ReferenceData reference) {
        this.registry = registry;
        this.directory = directory;
        this.reference = reference;
    }

    @GetMapping("/groups")
    String directory(@RequestParam(required = false) String q, @RequestParam(required = false) GroupType type,
                     @RequestParam(required = false) String field, @RequestParam(required = false) String area,
                     @RequestParam(defaultValue = "false") boolean welcomes, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        GroupDirectory.Found found = directory.find(new GroupDirectory.Query(q, type, field, area, welcomes), page, PAGE_SIZE);
        model.addAttribute("groups", found.groups());
        model.addAttribute("total", found.total());
        model.addAttribute("page", found.page());
        model.addAttribute("pages", found.pages());
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
        model.addAttribute("activity", registry.publicActivity(id, 10));
        return "groups/public";
    }
}
