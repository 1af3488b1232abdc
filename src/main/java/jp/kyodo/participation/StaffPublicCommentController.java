package jp.kyodo.participation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.Role;
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

/** A department's public comments: drafting, publishing, grouping the comments, the city's views and the result. */
@Controller
@RequestMapping("/staff/participation/comments")
class StaffPublicCommentController {

    static final int SECTION_ROWS = 5;

    private final PublicComments comments;

    StaffPublicCommentController(PublicComments comments) {
        this.comments = comments;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("procedures", comments.forDepartment(user.departmentId(), user.has(Role.ADMIN)));
        return "participation/staff-comments";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return showForm(model, Map.of(), null);
    }

    private String showForm(Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", SECTION_ROWS);
        model.addAttribute("minDays", comments.minDays());
        return "participation/staff-comment-form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (user.departmentId() == null) {
            throw PublicComments.notFound();
        }
        List<String> headings = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < SECTION_ROWS; i++) {
            headings.add(params.get("heading" + i));
            bodies.add(params.get("body" + i));
        }
        try {
            long id = comments.create(user, user.departmentId(), params.get("title"), params.get("purpose"), params.get("paperCopies"),
                    params.get("opensOn"), params.get("closesOn"), params.get("shortPeriodReason"), headings, bodies);
            redirect.addFlashAttribute("notice", "notice.call.saved");
            return "redirect:/staff/participation/comments/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, params, e);
        }
    }

    @GetMapping("/{id}")
    String procedure(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, Map.of(), null);
    }

    private String show(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("procedure", comments.forDepartment(id, user.departmentId(), user.has(Role.ADMIN)));
        List<PublicComments.Comment> list = comments.comments(id);
        model.addAttribute("comments", list);
        model.addAttribute("groups", list.stream().map(PublicComments.Comment::groupKey).filter(g -> g != null).distinct().sorted().toList());
        Map<String, PublicComments.View> views = new HashMap<>();
        comments.views(id).forEach(v -> views.put(v.groupKey(), v));
        model.addAttribute("views", views);
        model.addAttribute("documents", comments.documents(id));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-comment";
    }

    @PostMapping("/{id}/files")
    String attach(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params,
                  @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file, Model model,
                  RedirectAttributes redirect) throws java.io.IOException {
        try {
            comments.attach(id, user, user.departmentId(), user.has(Role.ADMIN), file == null ? null : file.getOriginalFilename(),
                    params.get("fileTitle"), file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            return show(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.comment.attached");
        return "redirect:/staff/participation/comments/" + id;
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String detach(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId, Model model, RedirectAttributes redirect) {
        try {
            comments.detach(id, fileId, user, user.departmentId(), user.has(Role.ADMIN));
        } catch (InvalidInputException e) {
            return show(user, id, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.comment.detached");
        return "redirect:/staff/participation/comments/" + id;
    }

    @GetMapping("/{id}/files/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> document(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        comments.forDepartment(id, user.departmentId(), user.has(Role.ADMIN));
        ParticipationFiles.File f = comments.document(id, fileId).orElseThrow(PublicComments::notFound);
        return jp.kyodo.shared.Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @PostMapping("/{id}/{action}")
    String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> params,
               Model model, RedirectAttributes redirect) {
        boolean admin = user.has(Role.ADMIN);
        long version = Long.parseLong(params.getOrDefault("version", "-1"));
        try {
            switch (action) {
                case "publish" -> comments.publish(id, user, user.departmentId(), admin, version);
                case "group" -> {
                    Map<Long, String> labels = new HashMap<>();
                    params.forEach((k, v) -> {
                        if (k.startsWith("group[") && k.endsWith("]")) {
                            labels.put(Long.parseLong(k.substring(6, k.length() - 1)), v);
                        }
                    });
                    comments.group(id, user, user.departmentId(), admin, labels);
                }
                case "view" -> comments.saveView(id, user, user.departmentId(), admin, params.get("groupKey"), params.get("summary"),
                        params.get("cityView"), params.containsKey("changed"), params.get("changeNote"));
                case "result" -> comments.publishResult(id, user, user.departmentId(), admin, version, params.get("resultNote"));
                default -> throw PublicComments.notFound();
            }
        } catch (InvalidInputException e) {
            return show(user, id, model, params, e);
        } catch (NumberFormatException e) {
            throw PublicComments.notFound();
        }
        redirect.addFlashAttribute("notice", "notice.comment." + action);
        return "redirect:/staff/participation/comments/" + id;
    }
}
