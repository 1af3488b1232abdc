package jp.kyodo.collaboration;

import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the calls and themes open for proposals, a theme's page, and the adopted projects. */
@Controller
class CollaborationController {

    private final CallManagement calls;
    private final Decisions decisions;
    private final Groups groups;

    CollaborationController(CallManagement calls, Decisions decisions, Groups groups) {
        this.calls = calls;
        this.decisions = decisions;
        this.groups = groups;
    }

    @GetMapping("/collaboration")
    String calls(Model model) {
        model.addAttribute("calls", calls.published());
        return "collaboration/calls";
    }

    @GetMapping("/collaboration/calls/{id}")
    String call(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("call", calls.publicView(id));
        model.addAttribute("managesGroup", user != null && !groups.managedBy(user.accountId()).isEmpty());
        return "collaboration/call";
    }

    @GetMapping("/collaboration/results")
    String results(Model model) {
        model.addAttribute("results", decisions.publicResults());
        return "collaboration/results";
    }
}
