package jp.kyodo.participation;

import java.util.Map;
import jp.kyodo.accounts.SignedInUser;
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

/** Councils for everyone: the list, a council with its members and minutes, a call for public members and its result. */
@Controller
class CouncilController {

    private final Councils councils;

    CouncilController(Councils councils) {
        this.councils = councils;
    }

    @GetMapping("/participation/councils")
    String list(Model model) {
        model.addAttribute("councils", councils.councils());
        model.addAttribute("calls", councils.publishedCalls().stream()
                .filter(c -> c.phase() == Councils.CallPhase.OPEN || c.phase() == Councils.CallPhase.UPCOMING).toList());
        return "participation/councils";
    }

    @GetMapping("/participation/councils/{id}")
    String council(@PathVariable long id, Model model) {
        Councils.Council c = councils.council(id).orElseThrow(PublicComments::notFound);
        model.addAttribute("council", c);
        model.addAttribute("members", councils.members(id, false));
        model.addAttribute("today", councils.today());
        model.addAttribute("meetings", councils.meetings(id));
        model.addAttribute("calls", councils.calls(id, false));
        return "participation/council";
    }

    @GetMapping("/participation/councils/{id}/meetings/{meetingId}/files/{fileId}")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @PathVariable long meetingId, @PathVariable long fileId) {
        ParticipationFiles.File f = councils.minutesFile(id, meetingId, fileId).orElseThrow(PublicComments::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @GetMapping("/participation/councils/calls/{callId}")
    String call(@PathVariable long callId, @AuthenticationPrincipal SignedInUser user, Model model) {
        return showCall(callId, user, model, Map.of(), null);
    }

    private String showCall(long callId, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        Councils.Call call = councils.publishedCall(callId);
        model.addAttribute("call", call);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("mine", user == null ? null : councils.myApplication(callId, user.accountId()).orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("applicants", councils.applicantCount(callId));
        if (call.phase() == Councils.CallPhase.DECIDED) {
            model.addAttribute("selected", councils.selectedNumbers(callId));
        }
        model.addAttribute("draw", councils.draw(call));
        return "participation/council-call";
    }

    @PostMapping("/my/councils/calls/{callId}/apply")
    String apply(@PathVariable long callId, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                 RedirectAttributes redirect) {
        try {
            String number = councils.apply(callId, user, params);
            redirect.addFlashAttribute("notice", "notice.council.applied");
            redirect.addFlashAttribute("applicationNumber", number);
        } catch (InvalidInputException e) {
            return showCall(callId, user, model, params, e);
        }
        return "redirect:/participation/councils/calls/" + callId;
    }

    @PostMapping("/my/councils/calls/{callId}/withdraw")
    String withdraw(@PathVariable long callId, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            councils.withdraw(callId, user);
        } catch (InvalidInputException e) {
            return showCall(callId, user, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.council.withdrawn");
        return "redirect:/participation/councils/calls/" + callId;
    }
}
