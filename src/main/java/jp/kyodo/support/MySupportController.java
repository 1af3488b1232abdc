package jp.kyodo.support;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My applications": a person's endorsement and co-hosting applications and subsidy applications, in one place. */
@Controller
@RequestMapping("/my/applications")
class MySupportController {

    private final Events events;
    private final Subsidies subsidies;
    private final Groups groups;
    private final Accounts accounts;
    private final SupportSettings settings;

    MySupportController(Events events, Subsidies subsidies, Groups groups, Accounts accounts, SupportSettings settings) {
        this.events = events;
        this.subsidies = subsidies;
        this.groups = groups;
        this.accounts = accounts;
        this.settings = settings;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("events", events.mine(user.accountId()));
        model.addAttribute("grants", subsidies.mine(user.accountId()));
        model.addAttribute("programmes", subsidies.programmes().stream().filter(Subsidies.Programme::open).toList());
        return "support/my";
    }

    // ---- Endorsement and co-hosting ----

    @GetMapping("/events/new")
    String newEvent(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long group, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", "ENDORSEMENT");
        if (group != null && groups.manages(group, user.accountId())) {
            groups.profile(group).ifPresent(g -> {
                typed.put("groupId", String.valueOf(g.id()));
                typed.put("organiserName", g.name());
                if (g.representative() != null) {
                    typed.put("organiserRepresentative", g.representative().name());
                }
            });
        }
        return showEventForm(user, model, typed, null);
    }

    @PostMapping("/events/new")
    String apply(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        EventForm f = new EventForm();
        f.setKind(params.get("kind"));
        f.setGroupId(params.get("groupId"));
        f.setOrganiserName(params.get("organiserName"));
        f.setOrganiserAddress(params.get("organiserAddress"));
        f.setOrganiserRepresentative(params.get("organiserRepresentative"));
        f.setOrganiserPhone(params.get("organiserPhone"));
        f.setOrganiserEmail(params.get("organiserEmail"));
        f.setOfficers(params.get("officers"));
        f.setEventName(params.get("eventName"));
        f.setPurpose(params.get("purpose"));
        f.setStartsOn(params.get("startsOn"));
        f.setEndsOn(params.get("endsOn"));
        f.setVenue(params.get("venue"));
        f.setTarget(params.get("target"));
        f.setExpectedParticipants(params.get("expectedParticipants"));
        f.setFee(params.get("fee"));
        f.setOutline(params.get("outline"));
        f.setBudgetIncome(params.get("budgetIncome"));
        f.setBudgetExpense(params.get("budgetExpense"));
        f.setDepartmentId(params.get("departmentId"));
        try {
            long id = events.apply(user, f);
            redirect.addFlashAttribute("notice", "notice.event.applied");
            return "redirect:/my/applications/events/" + id;
        } catch (InvalidInputException e) {
            return showEventForm(user, model, params, e);
        }
    }

    private String showEventForm(SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", groups.managedBy(user.accountId()));
        model.addAttribute("departments", accounts.activeDepartments());
        model.addAttribute("deadlineDays", settings.eventDeadlineDays());
        model.addAttribute("earliest", events.today().plusDays(settings.eventDeadlineDays()));
        return "support/event-form";
    }

    @GetMapping("/events/{id}")
    String event(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return showEvent(user, id, model, Map.of(), null);
    }

    private String showEvent(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("event", events.forApplicant(id, user.accountId()));
        model.addAttribute("documents", events.documents(id));
        model.addAttribute("role", "APPLICANT");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", Events.CRITERIA);
        return "support/event";
    }

    @PostMapping("/events/{id}/documents")
    String attach(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            events.attach(id, user, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "notice.event.attached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/my/applications/events/" + id;
    }

    @GetMapping("/events/{id}/documents/{fileId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        events.forApplicant(id, user.accountId());
        Events.Document d = events.document(id, fileId).orElseThrow(Events::notFound);
        return jp.kyodo.shared.Downloads.attachment(d.filename(), d.contentType(), d.content());
    }

    @PostMapping("/events/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            events.cancel(id, user, version);
            redirect.addFlashAttribute("notice", "notice.event.cancelled");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/my/applications/events/" + id;
    }

    @PostMapping("/events/{id}/report")
    String report(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        try {
            events.report(id, user, Long.parseLong(params.getOrDefault("version", "-1")), params.get("reportText"),
                    params.get("reportParticipants"), params.get("reportIncome"), params.get("reportExpense"));
        } catch (InvalidInputException e) {
            return showEvent(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.event.reported");
        return "redirect:/my/applications/events/" + id;
    }

    @GetMapping("/events/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return pdf(events.notice(events.forApplicant(id, user.accountId())), id);
    }

    static ResponseEntity<byte[]> pdf(byte[] content, long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("notice-" + id + ".pdf").build().toString())
                .body(content);
    }

    // ---- Subsidies ----

    @GetMapping("/subsidies/{programmeId}/apply")
    String applyForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long programmeId, Model model) {
        return showGrantForm(user, programmeId, model, Map.of(), null);
    }

    @PostMapping("/subsidies/{programmeId}/apply")
    String applyGrant(@AuthenticationPrincipal SignedInUser user, @PathVariable long programmeId, @RequestParam Map<String, String> params,
                      Model model, RedirectAttributes redirect) {
        try {
            long id = subsidies.apply(user, programmeId, params.get("groupId"), params.get("projectName"), params.get("purpose"),
                    params.get("totalCost"), params.get("requestedAmount"), params.get("budgetNote"));
            redirect.addFlashAttribute("notice", "notice.grant.applied");
            return "redirect:/my/applications/grants/" + id;
        } catch (InvalidInputException e) {
            return showGrantForm(user, programmeId, model, params, e);
        }
    }

    private String showGrantForm(SignedInUser user, long programmeId, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("programme", subsidies.programme(programmeId));
        model.addAttribute("groups", groups.managedBy(user.accountId()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "support/grant-form";
    }

    @GetMapping("/grants/{id}")
    String grant(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return showGrant(user, id, model, Map.of(), null);
    }

    private String showGrant(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Subsidies.Grant g = subsidies.forApplicant(id, user.accountId());
        model.addAttribute("grant", g);
        model.addAttribute("programme", subsidies.programme(g.programmeId()));
        model.addAttribute("role", "APPLICANT");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "support/grant";
    }

    @PostMapping("/grants/{id}/{action}")
    String grantAction(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        subsidies.forApplicant(id, user.accountId());
        long version = Long.parseLong(params.getOrDefault("version", "-1"));
        try {
            switch (action) {
                case "withdraw" -> subsidies.withdraw(id, user, version);
                case "change" -> subsidies.requestChange(id, user, version, params.get("changeAmount"), params.get("changeReason"));
                case "report" -> subsidies.report(id, user, version, params.get("actualCost"), params.get("reportText"));
                default -> throw Events.notFound();
            }
        } catch (InvalidInputException e) {
            return showGrant(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.grant." + action);
        return "redirect:/my/applications/grants/" + id;
    }
}
