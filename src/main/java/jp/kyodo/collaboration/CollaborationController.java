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
    private final Projects projects;
    private final Reports reports;
    private final Evaluations evaluations;

    CollaborationController(CallManagement calls, Decisions decisions, Groups groups, Projects projects, Reports reports,
                            Evaluations evaluations) {
        this.projects = projects;
        this.reports = reports;
        this.evaluations = evaluations;
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

    /** The evaluated projects the secretariat has published. */
    @GetMapping("/collaboration/projects")
    String projects(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("projects", projects.publishedPage(page, 30));
        return "collaboration/projects-public";
    }

    /** A published project's whole story: theme or proposal, partners, form, roles, budget and actual cost, outcomes, evaluation. */
    @GetMapping("/collaboration/projects/{id}")
    String project(@PathVariable long id, Model model) {
        model.addAttribute("project", projects.published(id));
        model.addAttribute("reports", reports.of(id));
        model.addAttribute("evaluation", evaluations.overview(id));
        return "collaboration/project-public";
    }

    @GetMapping("/collaboration/results")
    String results(Model model) {
        model.addAttribute("results", decisions.publicResults());
        return "collaboration/results";
    }
}
