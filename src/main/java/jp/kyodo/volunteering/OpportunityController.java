package jp.kyodo.volunteering;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.Inputs;
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

/**
 * Volunteer opportunities for everyone (the list with its filters and keyword search, an opportunity's page) and for
 * the signed-in resident under {@code /my/volunteering}: applying, their applications and messages, their record and
 * certificates.
 */
@Controller
class OpportunityController {

    private final Opportunities opportunities;
    private final VolunteerRecords records;
    private final Groups groups;

    OpportunityController(Opportunities opportunities, VolunteerRecords records, Groups groups) {
        this.opportunities = opportunities;
        this.records = records;
        this.groups = groups;
    }

    @GetMapping("/volunteering")
    String list(@RequestParam Map<String, String> params, Model model) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        LocalDate from = checks.check(() -> Inputs.date("from", params.get("from")));
        LocalDate to = checks.check(() -> Inputs.date("to", params.get("to")));
        Opportunities.Filter filter = new Opportunities.Filter(params.get("q"), params.get("field"), params.get("area"), from, to,
                "true".equals(params.get("beginners")), "true".equals(params.get("families")), "true".equals(params.get("students")));
        InvalidInputException errors = null;
        try {
            checks.throwIfAny();
        } catch (InvalidInputException e) {
            errors = e;
        }
        model.addAttribute("opportunities", opportunities.publicList(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("typed", params);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", groups.fields().stream().filter(c -> c.active()).toList());
        model.addAttribute("areas", groups.areas().stream().filter(c -> c.active()).toList());
        return "volunteering/opportunities";
    }

    @GetMapping("/volunteering/{id}")
    String opportunity(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return show(id, user, model, Map.of(), null);
    }

    private String show(long id, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        Opportunities.Opportunity o = opportunities.publicOpportunity(id);
        model.addAttribute("o", o);
        model.addAttribute("open", o.open(opportunities.today()));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("mine", user == null ? List.of()
                : opportunities.mine(user.accountId()).stream().filter(e -> e.opportunity().id() == id).toList());
        model.addAttribute("openShifts", o.shifts().stream().filter(s -> !opportunities.started(s)).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/opportunity";
    }

    /** The "ログインして応募する" link: the login comes first (it is under /my/**), then back to the form. */
    @GetMapping("/my/volunteering/apply/{id}")
    String applyLink(@PathVariable long id) {
        return "redirect:/volunteering/" + id + "#apply";
    }

    @PostMapping("/my/volunteering/apply/{id}")
    String apply(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                 RedirectAttributes redirect) {
        long applicationId;
        try {
            applicationId = opportunities.apply(id, user, params.get("shiftId"), params.get("message"));
        } catch (InvalidInputException e) {
            return show(id, user, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.vol.applied");
        return "redirect:/my/volunteering/applications/" + applicationId;
    }

    @GetMapping("/my/volunteering")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entries", opportunities.mine(user.accountId()));
        model.addAttribute("years", records.record(user.accountId()));
        return "volunteering/my-volunteering";
    }

    @GetMapping("/my/volunteering/applications/{applicationId}")
    String application(@PathVariable long applicationId, @AuthenticationPrincipal SignedInUser user, Model model) {
        return showApplication(applicationId, user, model, Map.of(), null);
    }

    private String showApplication(long applicationId, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        Opportunities.Entry e = opportunities.myApplication(applicationId, user.accountId());
        model.addAttribute("e", e);
        model.addAttribute("thread", opportunities.thread(applicationId));
        model.addAttribute("cancellable", opportunities.cancellable(e));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/my-volunteer-application";
    }

    @PostMapping("/my/volunteering/applications/{applicationId}/messages")
    String message(@PathVariable long applicationId, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params,
                   Model model, RedirectAttributes redirect) {
        try {
            opportunities.messageFromResident(applicationId, user, params.get("body"));
        } catch (InvalidInputException e) {
            return showApplication(applicationId, user, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.vol.messageSent");
        return "redirect:/my/volunteering/applications/" + applicationId + "#thread";
    }

    @PostMapping("/my/volunteering/applications/{applicationId}/cancel")
    String cancel(@PathVariable long applicationId, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            opportunities.cancelMine(applicationId, user);
        } catch (InvalidInputException e) {
            return showApplication(applicationId, user, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.vol.cancelled");
        return "redirect:/my/volunteering/applications/" + applicationId;
    }

    @GetMapping("/my/volunteering/certificates/{applicationId}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long applicationId, @AuthenticationPrincipal SignedInUser user) {
        VolunteerRecords.Certificate c = records.forActivity(applicationId, user.accountId(), false);
        return Downloads.attachment("ボランティア活動証明_" + applicationId + ".pdf", "application/pdf", records.pdf(c));
    }

    @GetMapping("/my/volunteering/certificates/year/{startYear}.pdf")
    ResponseEntity<byte[]> yearCertificate(@PathVariable int startYear, @AuthenticationPrincipal SignedInUser user) {
        if (startYear < 1900 || startYear > 2999) {
            throw Opportunities.notFound();
        }
        VolunteerRecords.Certificate c = records.forYear(user.accountId(), startYear);
        return Downloads.attachment("ボランティア活動証明_" + startYear + "年度.pdf", "application/pdf", records.pdf(c));
    }
}
