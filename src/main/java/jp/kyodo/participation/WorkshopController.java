package jp.kyodo.participation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Workshops for everyone: the list, a workshop with its registration form, cancelling, and the published outputs. */
@Controller
class WorkshopController {

    private final Workshops workshops;

    WorkshopController(Workshops workshops) {
        this.workshops = workshops;
    }

    @GetMapping("/participation/workshops")
    String list(Model model) {
        List<Workshops.Workshop> all = workshops.publicList();
        java.time.LocalDate today = workshops.today();
        model.addAttribute("upcoming", all.stream().filter(w -> !w.heldOn().isBefore(today)).toList());
        model.addAttribute("past", all.stream().filter(w -> w.heldOn().isBefore(today)).toList().reversed());
        return "participation/workshops";
    }

    @GetMapping("/participation/workshops/{id}")
    String workshop(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Map<String, String> typed = new HashMap<>();
        if (user != null) {
            typed.put("name", user.displayName());
        }
        return show(id, user, model, typed, null);
    }

    private String show(long id, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        Workshops.Workshop w = workshops.published(id);
        model.addAttribute("workshop", w);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("mine", user == null ? null : workshops.mine(id, user.accountId()).orElse(null));
        model.addAttribute("files", w.phase() == Workshops.Phase.RECORDS ? workshops.files(id) : List.of());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/workshop";
    }

    @PostMapping("/participation/workshops/{id}")
    String register(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                    RedirectAttributes redirect) {
        Workshops.Receipt receipt;
        try {
            receipt = workshops.register(id, Optional.<Actor>ofNullable(user), params.get("name"), params.get("email"), params.get("phone"));
        } catch (InvalidInputException e) {
            return show(id, user, model, params, e);
        }
        if (receipt.status() == Workshops.RegistrationStatus.CONFIRMED) {
            redirect.addFlashAttribute("notice", "notice.ws.registered");
        } else {
            redirect.addFlashAttribute("notice", "notice.ws.waiting");
            redirect.addFlashAttribute("waitingPosition", receipt.position());
        }
        return "redirect:/participation/workshops/" + id;
    }

    /** A signed-in person cancels their own registration. */
    @PostMapping("/participation/workshops/{id}/cancel")
    String cancelMine(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        redirect.addFlashAttribute("notice", workshops.cancelMine(id, user.accountId()) ? "notice.ws.cancelled" : "notice.ws.cancelFailed");
        return "redirect:/participation/workshops/" + id;
    }

    @GetMapping("/participation/workshops/cancel/{token}")
    String cancelPage(@PathVariable String token, Model model) {
        Optional<Workshops.Registration> r = workshops.byToken(token);
        model.addAttribute("token", token);
        model.addAttribute("registration", r.orElse(null));
        model.addAttribute("workshop", r.map(x -> workshops.published(x.workshopId())).orElse(null));
        return "participation/workshop-cancel";
    }

    /** Cancelling is a POST (a mail scanner following links must not cancel anyone's place). */
    @PostMapping("/participation/workshops/cancel/{token}")
    String cancel(@PathVariable String token, Model model) {
        Optional<Workshops.Registration> r = workshops.byToken(token);
        model.addAttribute("token", token);
        model.addAttribute("registration", r.orElse(null));
        model.addAttribute("workshop", r.map(x -> workshops.published(x.workshopId())).orElse(null));
        model.addAttribute("cancelled", workshops.cancelByToken(token));
        model.addAttribute("done", true);
        return "participation/workshop-cancel";
    }

    @GetMapping("/participation/workshops/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        ParticipationFiles.File f = workshops.publicFile(id, fileId).orElseThrow(PublicComments::notFound);
        return f.image() ? Downloads.inline(f.filename(), f.contentType(), f.content())
                : Downloads.attachment(f.filename(), f.contentType(), f.content());
    }
}
