package jp.kyodo.support;

import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.InvalidInputException;
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

/**
 * The city's side of the other forms: the department decides endorsement and co-hosting applications and grants;
 * administrators define subsidy programmes; staff record commissioned work and cooperation agreements.
 */
@Controller
@RequestMapping("/staff/support")
class StaffSupportController {

    private final Events events;
    private final Subsidies subsidies;
    private final Records records;
    private final Groups groups;
    private final jp.kyodo.accounts.Accounts accounts;

    StaffSupportController(Events events, Subsidies subsidies, Records records, Groups groups, jp.kyodo.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.events = events;
        this.subsidies = subsidies;
        this.records = records;
        this.groups = groups;
    }

    @GetMapping
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        return showHome(user, model, Map.of(), null, null);
    }

    private String showHome(SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors, String form) {
        boolean admin = user.has(Role.ADMIN);
        List<Events.EventView> list = events.forStaff(user.departmentId(), admin);
        model.addAttribute("events", list);
        model.addAttribute("overdue", list.stream().filter(Events.EventView::reportOverdue).toList());
        model.addAttribute("programmes", subsidies.programmes());
        model.addAttribute("records", records.all());
        model.addAttribute("statistics", records.statistics());
        model.addAttribute("fields", groups.fields());
        model.addAttribute("byField", records.byField());
        model.addAttribute("administrator", admin);
        model.addAttribute("departments", accounts.activeDepartments());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "support/staff";
    }

    @GetMapping("/events/{id}")
    String event(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return showEvent(user, id, model, Map.of(), null);
    }

    private String showEvent(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("event", events.forStaff(id, user.departmentId(), user.has(Role.ADMIN)));
        model.addAttribute("documents", events.documents(id));
        model.addAttribute("role", "STAFF");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", Events.CRITERIA);
        return "support/event";
    }

    @PostMapping("/events/{id}/{action}")
    String eventAction(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
                       @RequestParam Map<String, String> params, @RequestParam(name = "criteria", required = false) List<String> criteria,
                       Model model, RedirectAttributes redirect) {
        long version = Long.parseLong(params.getOrDefault("version", "-1"));
        boolean admin = user.has(Role.ADMIN);
        try {
            switch (action) {
                case "approve" -> events.decide(id, user, user.departmentId(), admin, version, true, criteria, params.get("conditions"), params.get("reason"));
                case "refuse" -> events.decide(id, user, user.departmentId(), admin, version, false, criteria, null, params.get("reason"));
                case "withdraw" -> events.withdraw(id, user, user.departmentId(), admin, version, params.get("withdrawReason"));
                case "accept-report" -> events.acceptReport(id, user, user.departmentId(), admin, version);
                default -> throw Events.notFound();
            }
        } catch (InvalidInputException e) {
            return showEvent(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.event." + action);
        return "redirect:/staff/support/events/" + id;
    }

    @GetMapping("/events/{id}/documents/{fileId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        events.forStaff(id, user.departmentId(), user.has(Role.ADMIN));
        Events.Document d = events.document(id, fileId).orElseThrow(Events::notFound);
        return jp.kyodo.shared.Downloads.attachment(d.filename(), d.contentType(), d.content());
    }

    @GetMapping("/events/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return MySupportController.pdf(events.notice(events.forStaff(id, user.departmentId(), user.has(Role.ADMIN))), id);
    }

    @PostMapping("/programmes")
    String createProgramme(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                           RedirectAttributes redirect) {
        if (!user.has(Role.ADMIN)) {
            throw Events.notFound();
        }
        try {
            long department = parseDepartment(params.get("departmentId"));
            subsidies.createProgramme(user, department, params.get("fiscalYear"), params.get("name"), params.get("purpose"),
                    params.containsKey("registeredOnly"), params.get("maxAmount"), params.get("ratePercent"), params.get("budget"),
                    params.get("opensOn"), params.get("closesOn"), params.get("requiredDocuments"));
        } catch (InvalidInputException e) {
            return showHome(user, model, params, e, "programme");
        }
        redirect.addFlashAttribute("notice", "notice.programme.created");
        return "redirect:/staff/support#programmes";
    }

    @GetMapping("/grants/{id}")
    String grant(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        requireProgrammeDepartment(user, subsidies.grant(id).programmeId());
        return showGrant(id, model, Map.of(), null);
    }

    /** Grants are the business of the programme's department (and the secretariat). */
    private void requireProgrammeDepartment(SignedInUser user, long programmeId) {
        Subsidies.Programme p = subsidies.programme(programmeId);
        if (!user.has(Role.ADMIN) && (user.departmentId() == null || user.departmentId() != p.departmentId())) {
            throw Events.notFound();
        }
    }

    private String showGrant(long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Subsidies.Grant g = subsidies.grant(id);
        model.addAttribute("grant", g);
        model.addAttribute("programme", subsidies.programme(g.programmeId()));
        model.addAttribute("role", "STAFF");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "support/grant";
    }

    @GetMapping("/programmes/{id}")
    String programme(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        requireProgrammeDepartment(user, id);
        model.addAttribute("programme", subsidies.programme(id));
        model.addAttribute("grants", subsidies.ofProgramme(id));
        return "support/programme";
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/grants/{id}/{action}")
    String grantAction(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        requireProgrammeDepartment(user, subsidies.grant(id).programmeId());
        long version = Long.parseLong(params.getOrDefault("version", "-1"));
        try {
            switch (action) {
                case "grant" -> subsidies.decide(id, user, version, true, params.get("amount"), params.get("reason"));
                case "refuse" -> subsidies.decide(id, user, version, false, null, params.get("reason"));
                case "accept-change" -> subsidies.decideChange(id, user, version, true);
                case "refuse-change" -> subsidies.decideChange(id, user, version, false);
                case "finalise" -> subsidies.finalise(id, user, version);
                case "pay" -> subsidies.pay(id, user, version, params.get("paidOn"), params.get("paymentReference"));
                case "discontinue" -> subsidies.discontinue(id, user, version, params.get("reason"));
                default -> throw Events.notFound();
            }
        } catch (InvalidInputException e) {
            return showGrant(id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.grant." + action);
        return "redirect:/staff/support/grants/" + id;
    }

    /** The department a programme belongs to: the one that decides its grants. */
    private long parseDepartment(String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw);
            return accounts.department(id).filter(jp.kyodo.accounts.DepartmentView::active).map(jp.kyodo.accounts.DepartmentView::id)
                    .orElseThrow(NumberFormatException::new);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("departmentId", "validation.required");
        }
    }

    @PostMapping("/records")
    String createRecord(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                        RedirectAttributes redirect) {
        if (user.departmentId() == null) {
            throw Events.notFound();
        }
        try {
            records.create(user, user.departmentId(), params.get("kind"), params.get("groupId"), params.get("partnerName"),
                    params.get("partnerType"), params.get("title"), params.get("recordPurpose"), params.get("startsOn"), params.get("endsOn"),
                    params.get("amount"));
        } catch (InvalidInputException e) {
            return showHome(user, model, params, e, "record");
        }
        redirect.addFlashAttribute("notice", "notice.record.created");
        return "redirect:/staff/support#records";
    }
}
