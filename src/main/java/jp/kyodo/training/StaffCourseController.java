package jp.kyodo.training;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.accounts.Role;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's courses: creating and publishing, the registrants and waiting list, attendance per session, the survey's results. */
@Controller
@RequestMapping("/staff/training/courses")
class StaffCourseController {

    private final Courses courses;

    StaffCourseController(Courses courses) {
        this.courses = courses;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("courses", courses.forDepartment(user.departmentId(), user.has(Role.ADMIN)));
        return "training/staff-courses";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return showForm(model, Map.of("fee", "0", "target", "RESIDENTS"), null);
    }

    private String showForm(Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("sessionRows", java.util.stream.IntStream.rangeClosed(1, Courses.MAX_SESSIONS).boxed().toList());
        model.addAttribute("targets", Courses.Target.values());
        return "training/staff-course-form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (user.departmentId() == null) {
            throw Courses.notFound();
        }
        try {
            long id = courses.create(user, user.departmentId(), params);
            redirect.addFlashAttribute("notice", "notice.course.saved");
            return "redirect:/staff/training/courses/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, params, e);
        }
    }

    @GetMapping("/{id}")
    String course(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, null);
    }

    private String show(SignedInUser user, long id, Model model, InvalidInputException errors) {
        Courses.Course c = courses.forDepartment(id, user.departmentId(), user.has(Role.ADMIN));
        List<Courses.Registration> all = courses.registrations(id);
        List<Courses.Registration> confirmed = all.stream().filter(r -> r.status() == Courses.RegistrationStatus.CONFIRMED).toList();
        model.addAttribute("course", c);
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("completed", confirmed.stream().filter(r -> courses.completed(c, r)).map(Courses.Registration::id).toList());
        model.addAttribute("waiting", all.stream().filter(r -> r.status() == Courses.RegistrationStatus.WAITING).toList());
        model.addAttribute("cancelledCount", all.stream().filter(r -> r.status() == Courses.RegistrationStatus.CANCELLED).count());
        model.addAttribute("attendance", courses.attendance(id));
        model.addAttribute("today", courses.today());
        model.addAttribute("cancelDeadline", courses.cancelDeadline(c));
        model.addAttribute("survey", courses.survey(id));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", Map.of());
        return "training/staff-course";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "-1") String version,
                   Model model, RedirectAttributes redirect) {
        try {
            courses.publish(id, user, user.departmentId(), user.has(Role.ADMIN), parse(version));
        } catch (InvalidInputException e) {
            return show(user, id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.course.published");
        return "redirect:/staff/training/courses/" + id;
    }

    @PostMapping("/{id}/sessions/{sessionId}/attendance")
    String attendance(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long sessionId,
                      @RequestParam(name = "attended", required = false) List<Long> attended, Model model, RedirectAttributes redirect) {
        Set<Long> present = attended == null ? Set.of() : new HashSet<>(attended);
        try {
            courses.attendance(id, sessionId, user, user.departmentId(), user.has(Role.ADMIN), present);
        } catch (InvalidInputException e) {
            return show(user, id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.course.attendance");
        return "redirect:/staff/training/courses/" + id + "#session-" + sessionId;
    }

    @PostMapping("/{id}/registrations/{registrationId}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long registrationId, Model model,
                  RedirectAttributes redirect) {
        try {
            courses.cancelByStaff(id, registrationId, user, user.departmentId(), user.has(Role.ADMIN));
        } catch (InvalidInputException e) {
            return show(user, id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.course.cancelledByStaff");
        return "redirect:/staff/training/courses/" + id;
    }

    @GetMapping("/{id}/registrations/{registrationId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long registrationId) {
        Courses.Certificate c = courses.certificateForStaff(id, registrationId, user.departmentId(), user.has(Role.ADMIN));
        return Downloads.attachment("修了証_" + c.number() + ".pdf", "application/pdf", courses.certificatePdf(c));
    }

    private static long parse(String version) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
