package jp.kyodo.training;

import java.util.List;
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

/**
 * Courses for everyone (the list and a course's page) and for the signed-in registrant under {@code /my/courses}:
 * registering, the waiting list, cancelling, the completion certificate and the feedback survey.
 */
@Controller
class CourseController {

    private final Courses courses;

    CourseController(Courses courses) {
        this.courses = courses;
    }

    @GetMapping("/training/courses")
    String list(Model model) {
        List<Courses.Course> all = courses.publicList();
        model.addAttribute("upcoming", all.stream().filter(c -> !c.over()).toList());
        model.addAttribute("past", all.stream().filter(Courses.Course::over).toList().reversed());
        return "training/courses";
    }

    @GetMapping("/training/courses/{id}")
    String course(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return show(id, user, model, Map.of(), null);
    }

    private String show(long id, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        Courses.Course c = courses.published(id);
        model.addAttribute("course", c);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("me", user);
        model.addAttribute("mine", user == null ? null : courses.mine(id, user.accountId()).orElse(null));
        model.addAttribute("myGroups", user == null || c.target() != Courses.Target.GROUPS ? List.of() : courses.groupsOf(user.accountId()));
        model.addAttribute("cancelDeadline", courses.cancelDeadline(c));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/course";
    }

    /** The "ログインして申し込む" link: the login comes first (it is under /my/**), then back to the course's form. */
    @GetMapping("/my/courses/apply/{id}")
    String apply(@PathVariable long id) {
        return "redirect:/training/courses/" + id + "#register";
    }

    @PostMapping("/my/courses/apply/{id}")
    String register(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model,
                    RedirectAttributes redirect) {
        Courses.Receipt receipt;
        try {
            receipt = courses.register(id, user, params.get("groupId"));
        } catch (InvalidInputException e) {
            return show(id, user, model, params, e);
        }
        redirect.addFlashAttribute("notice", receipt.status() == Courses.RegistrationStatus.CONFIRMED ? "notice.course.registered"
                : "notice.course.waiting");
        return "redirect:/training/courses/" + id;
    }

    @GetMapping("/my/courses")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        return showMine(user, model, null);
    }

    private String showMine(SignedInUser user, Model model, InvalidInputException errors) {
        model.addAttribute("courses", courses.myCourses(user.accountId()));
        model.addAttribute("today", courses.today());
        model.addAttribute("errors", errors);
        return "training/my-courses";
    }

    @PostMapping("/my/courses/{registrationId}/cancel")
    String cancel(@PathVariable long registrationId, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            courses.cancelMine(registrationId, user.accountId());
        } catch (InvalidInputException e) {
            return showMine(user, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.course.cancelled");
        return "redirect:/my/courses";
    }

    @GetMapping("/my/courses/{registrationId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long registrationId, @AuthenticationPrincipal SignedInUser user) {
        Courses.Certificate c = courses.certificateFor(registrationId, user.accountId());
        return Downloads.attachment("修了証_" + c.number() + ".pdf", "application/pdf", courses.certificatePdf(c));
    }

    @GetMapping("/my/courses/{registrationId}/survey")
    String survey(@PathVariable long registrationId, @AuthenticationPrincipal SignedInUser user, Model model) {
        return showSurvey(registrationId, user, model, Map.of(), null);
    }

    private String showSurvey(long registrationId, SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("mine", courses.myRegistration(registrationId, user.accountId()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/survey";
    }

    @PostMapping("/my/courses/{registrationId}/survey")
    String answer(@PathVariable long registrationId, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params,
                  Model model, RedirectAttributes redirect) {
        try {
            courses.answer(registrationId, user.accountId(), params);
        } catch (InvalidInputException e) {
            return showSurvey(registrationId, user, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.course.answered");
        return "redirect:/my/courses";
    }
}
