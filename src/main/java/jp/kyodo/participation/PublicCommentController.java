package jp.kyodo.participation;

import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public comment for everyone: the procedures, a draft with its comment form, the e-mail confirmation, the result. */
@Controller
class PublicCommentController {

    private final PublicComments comments;

    PublicCommentController(PublicComments comments) {
        this.comments = comments;
    }

    @GetMapping("/participation/comments")
    String list(Model model) {
        model.addAttribute("procedures", comments.publicList());
        return "participation/comments";
    }

    @GetMapping("/participation/comments/{id}")
    String procedure(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return show(id, user, model, Map.of(), null);
    }

    private String show(long id, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        PublicComments.Procedure p = comments.published(id);
        model.addAttribute("procedure", p);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("documents", comments.documents(id));
        if (p.phase() == PublicComments.Phase.RESULT) {
            model.addAttribute("views", comments.views(id));
            model.addAttribute("counts", comments.counts(id));
        }
        return "participation/comment";
    }

    @GetMapping("/participation/comments/{id}/files/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long fileId) {
        comments.published(id);
        ParticipationFiles.File f = comments.document(id, fileId).orElseThrow(PublicComments::notFound);
        return jp.kyodo.shared.Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @PostMapping("/participation/comments/{id}")
    String comment(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        try {
            comments.comment(id, Optional.<Actor>ofNullable(user), params.get("sectionId"), params.get("name"), params.get("address"),
                    params.get("email"), params.get("eligibility"), params.get("body"), params.containsKey("declares"),
                    request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return show(id, user, model, params, e);
        }
        redirect.addFlashAttribute("notice", user == null ? "notice.comment.confirmSent" : "notice.comment.received");
        return "redirect:/participation/comments/" + id;
    }

    @GetMapping("/participation/comments/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "participation/comment-confirm";
    }

    /** Confirming is a POST (a mail scanner following links must not submit anyone's comment). */
    @PostMapping("/participation/comments/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("confirmed", comments.confirm(token).orElse(null));
        model.addAttribute("done", true);
        return "participation/comment-confirm";
    }
}
