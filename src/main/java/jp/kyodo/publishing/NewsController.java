package jp.kyodo.publishing;

import java.util.Arrays;
import java.util.Map;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** News for everyone ({@code /news}, a page per item) and for city staff under {@code /staff/news}. */
@Controller
class NewsController {

    static final int PAGE_SIZE = 10;

    private final NewsDesk desk;
    private final Accounts accounts;

    NewsController(NewsDesk desk, Accounts accounts) {
        this.desk = desk;
        this.accounts = accounts;
    }

    @GetMapping("/news")
    String list(@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page, Model model) {
        NewsCategory chosen = Arrays.stream(NewsCategory.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null);
        model.addAttribute("items", desk.publicList(chosen, page, PAGE_SIZE));
        model.addAttribute("category", chosen);
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("baseUrl", chosen == null ? "/news" : "/news?category=" + chosen.name());
        return "publishing/news/list";
    }

    @GetMapping("/news/{id}")
    String item(@PathVariable long id, Model model) {
        model.addAttribute("item", desk.publicItem(id));
        return "publishing/news/item";
    }

    // ---- Staff ----

    @GetMapping("/staff/news")
    String staffList(Model model) {
        model.addAttribute("items", desk.all());
        model.addAttribute("now", desk.now());
        return "publishing/news/staff-list";
    }

    @GetMapping("/staff/news/new")
    String newForm(Model model) {
        return form(null, Map.of("category", NewsCategory.NOTICE.name()), null, model);
    }

    @PostMapping("/staff/news/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        boolean publish = "publish".equals(params.get("action"));
        long id;
        try {
            id = desk.create(user, params, publish);
        } catch (InvalidInputException e) {
            return form(null, params, e, model);
        }
        redirect.addFlashAttribute("notice", publish ? "notice.news.published" : "notice.news.saved");
        return "redirect:/staff/news/" + id;
    }

    @GetMapping("/staff/news/{id}")
    String edit(@PathVariable long id, Model model) {
        NewsDesk.NewsItem item = desk.find(id);
        Map<String, String> typed = new java.util.HashMap<>();
        typed.put("title", item.title());
        typed.put("body", item.body());
        typed.put("category", item.category().name());
        typed.put("departmentId", item.departmentId() == null ? "" : item.departmentId().toString());
        if (item.publishAt() != null) {
            java.time.LocalDateTime at = item.publishAt().atZone(desk.zone()).toLocalDateTime();
            typed.put("publishDate", at.toLocalDate().toString());
            typed.put("publishTime", at.toLocalTime().withSecond(0).withNano(0).toString());
        }
        typed.put("version", String.valueOf(item.version()));
        return form(item, typed, null, model);
    }

    @PostMapping("/staff/news/{id}")
    String update(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        boolean publish = "publish".equals(params.get("action"));
        try {
            desk.update(id, user, params, publish);
        } catch (InvalidInputException e) {
            return form(desk.find(id), params, e, model);
        }
        redirect.addFlashAttribute("notice", publish ? "notice.news.published" : "notice.news.saved");
        return "redirect:/staff/news/" + id;
    }

    @PostMapping("/staff/news/{id}/unpublish")
    String unpublish(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String version,
                     Model model, RedirectAttributes redirect) {
        try {
            desk.unpublish(id, user, version);
        } catch (InvalidInputException e) {
            return edit(id, model.addAttribute("problem", e.problems().getFirst().messageKey()));
        }
        redirect.addFlashAttribute("notice", "notice.news.unpublished");
        return "redirect:/staff/news/" + id;
    }

    @PostMapping("/staff/news/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String version,
                  Model model, RedirectAttributes redirect) {
        try {
            desk.delete(id, user, version);
        } catch (InvalidInputException e) {
            return edit(id, model.addAttribute("problem", e.problems().getFirst().messageKey()));
        }
        redirect.addFlashAttribute("notice", "notice.news.deleted");
        return "redirect:/staff/news";
    }

    private String form(NewsDesk.NewsItem item, Map<String, String> typed, InvalidInputException errors, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("departments", accounts.activeDepartments());
        model.addAttribute("now", desk.now());
        return "publishing/news/form";
    }
}
