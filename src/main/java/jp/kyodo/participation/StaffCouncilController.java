package jp.kyodo.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's councils: members and terms, meetings and minutes, calls for public members and their selection. */
@Controller
@RequestMapping("/staff/participation/councils")
class StaffCouncilController {

    private final Councils councils;

    StaffCouncilController(Councils councils) {
        this.councils = councils;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("councils", councils.forDepartment(user.departmentId(), user.has(Role.ADMIN)));
        return "participation/staff-councils";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("typed", Map.of());
        return "participation/staff-council-form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        if (user.departmentId() == null) {
            throw PublicComments.notFound();
        }
        try {
            long id = councils.createCouncil(user, user.departmentId(), p.get("name"), p.get("purpose"), p.get("basis"), p.get("seats"), p.get("termYears"));
            redirect.addFlashAttribute("notice", "notice.call.saved");
            return "redirect:/staff/participation/councils/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("typed", p);
            model.addAttribute("errors", e);
            return "participation/staff-council-form";
        }
    }

    @GetMapping("/{id}")
    String council(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, Map.of(), null);
    }

    private String show(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("council", councils.forDepartment(id, user.departmentId(), user.has(Role.ADMIN)));
        model.addAttribute("members", councils.members(id, true));
        model.addAttribute("today", councils.today());
        model.addAttribute("meetings", councils.meetings(id));
        model.addAttribute("calls", councils.calls(id, true));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-council";
    }

    @PostMapping("/{id}/members")
    String addMember(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> p, Model model,
                     RedirectAttributes redirect) {
        try {
            councils.addMember(id, user, user.departmentId(), user.has(Role.ADMIN), p.get("memberName"), p.get("memberRole"), p.get("memberCategory"),
                    p.get("affiliation"), p.get("termStart"), p.get("termEnd"));
        } catch (InvalidInputException e) {
            return show(user, id, model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.council.memberAdded");
        return "redirect:/staff/participation/councils/" + id;
    }

    @PostMapping("/{id}/members/{memberId}/end")
    String endMember(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long memberId, Model model,
                     RedirectAttributes redirect) {
        try {
            councils.endMember(id, memberId, user, user.departmentId(), user.has(Role.ADMIN));
        } catch (InvalidInputException e) {
            return show(user, id, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.council.memberEnded");
        return "redirect:/staff/participation/councils/" + id;
    }

    @PostMapping("/{id}/meetings")
    String addMeeting(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> p,
                      @RequestParam(name = "minutesFile", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            councils.addMeeting(id, user, user.departmentId(), user.has(Role.ADMIN), p.get("heldOn"), p.get("meetingTitle"), p.get("place"),
                    p.get("minutes"), file == null ? null : file.getOriginalFilename(), file == null || file.isEmpty() ? null : file.getBytes());
        } catch (InvalidInputException e) {
            return show(user, id, model, p, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redirect.addFlashAttribute("notice", "notice.council.meetingAdded");
        return "redirect:/staff/participation/councils/" + id;
    }

    @GetMapping("/{id}/calls/new")
    String newCall(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return showCallForm(user, id, model, Map.of("minAge", String.valueOf(councils.defaultMinAge()),
                "essayLimit", String.valueOf(councils.defaultEssayLimit()), "residence", String.valueOf(councils.defaultResidence())), null);
    }

    private String showCallForm(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("council", councils.forDepartment(id, user.departmentId(), user.has(Role.ADMIN)));
        model.addAttribute("minDays", councils.minCallDays());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-call-form";
    }

    @PostMapping("/{id}/calls/new")
    String createCall(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> p, Model model,
                      RedirectAttributes redirect) {
        try {
            long callId = councils.createCall(id, user, user.departmentId(), user.has(Role.ADMIN), p);
            redirect.addFlashAttribute("notice", "notice.call.saved");
            return "redirect:/staff/participation/councils/calls/" + callId;
        } catch (InvalidInputException e) {
            return showCallForm(user, id, model, p, e);
        }
    }

    @GetMapping("/calls/{callId}")
    String call(@AuthenticationPrincipal SignedInUser user, @PathVariable long callId, Model model) {
        return showCall(user, callId, model, Map.of(), null);
    }

    private String showCall(SignedInUser user, long callId, Model model, Map<String, String> typed, InvalidInputException errors) {
        Councils.Call call = councils.callForDepartment(callId, user.departmentId(), user.has(Role.ADMIN));
        model.addAttribute("call", call);
        var applications = councils.applications(callId, user.accountId());
        model.addAttribute("applications", applications);
        model.addAttribute("ranked", applications.stream().filter(a -> a.status() != Councils.ApplicationStatus.WITHDRAWN)
                .sorted(java.util.Comparator.comparing((Councils.Application a) -> a.averageScore() == null ? -1 : a.averageScore()).reversed())
                .toList());
        model.addAttribute("entrants", call.method() == Councils.Method.SCORE ? java.util.List.of() : councils.lotteryEntrants(call));
        model.addAttribute("draw", councils.draw(call));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-call";
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/calls/{callId}/{action}")
    String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long callId, @PathVariable String action,
               @RequestParam Map<String, String> p, @RequestParam(name = "chosen", required = false) java.util.List<Long> chosen, Model model,
               RedirectAttributes redirect) {
        boolean admin = user.has(Role.ADMIN);
        long version = parseLong(p.get("version"));
        try {
            switch (action) {
                case "publish" -> councils.publishCall(callId, user, user.departmentId(), admin, version);
                case "score" -> councils.score(callId, parseLong(p.get("application")), user, user.departmentId(), admin,
                        p.get("score" + p.get("application")), p.get("note" + p.get("application")));
                case "lottery" -> councils.drawLottery(callId, user, user.departmentId(), admin, version, p.get("seed"));
                case "decide" -> {
                    Set<Long> ids = chosen == null ? Set.of() : new HashSet<>(chosen);
                    councils.decide(callId, user, user.departmentId(), admin, version, ids, p.containsKey("none"));
                }
                default -> throw PublicComments.notFound();
            }
        } catch (InvalidInputException e) {
            if ("decide".equals(action)) {
                model.addAttribute("chosenIds", chosen == null ? List.of() : chosen);
            }
            return showCall(user, callId, model, new HashMap<>(p), e);
        }
        redirect.addFlashAttribute("notice", "notice.council." + action);
        return "redirect:/staff/participation/councils/calls/" + callId;
    }

    private static long parseLong(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw PublicComments.notFound();
        }
    }
}
