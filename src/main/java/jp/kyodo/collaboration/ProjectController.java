package jp.kyodo.collaboration;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.FormErrors;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's page for each of its parts: the group (/my/projects), the city (/staff/collaboration/projects) and the
 * committee (/committee/projects). What the page offers follows the part: the department edits the agreement and
 * checks reports, the group files reports, each side and the committee evaluate, the secretariat publishes.
 */
@Controller
@RequestMapping({"/my/projects", "/staff/collaboration/projects", "/committee/projects"})
class ProjectController {

    private final Projects projects;
    private final Reports reports;
    private final Evaluations evaluations;
    private final ProjectDashboard dashboard;

    ProjectController(Projects projects, Reports reports, Evaluations evaluations, ProjectDashboard dashboard) {
        this.projects = projects;
        this.reports = reports;
        this.evaluations = evaluations;
        this.dashboard = dashboard;
    }

    static Projects.Viewer viewer(SignedInUser user) {
        return new Projects.Viewer(user, user.departmentId(), user.has(Role.ADMIN), user.has(Role.COMMITTEE));
    }

    private static Projects.Role role(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/my/") ? Projects.Role.GROUP : path.startsWith("/staff/") ? Projects.Role.CITY : Projects.Role.COMMITTEE;
    }

    private static String base(Projects.Role role) {
        return switch (role) {
            case GROUP -> "/my/projects";
            case CITY -> "/staff/collaboration/projects";
            case COMMITTEE -> "/committee/projects";
        };
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        Projects.Role role = role(request);
        model.addAttribute("role", role);
        if (role == Projects.Role.GROUP) {
            model.addAttribute("projects", projects.mine(user.accountId()));
        } else {
            Projects.Viewer viewer = role == Projects.Role.COMMITTEE ? new Projects.Viewer(user, null, true, true) : viewer(user);
            model.addAttribute("rows", dashboard.rows(viewer).stream()
                    .filter(r -> role == Projects.Role.CITY || r.status() == ProjectStatus.COMPLETED || r.status() == ProjectStatus.PUBLISHED).toList());
        }
        return "collaboration/projects";
    }

    @GetMapping("/{id}")
    String page(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, Model model) {
        Projects.Role role = projects.roleOf(id, viewer(user), role(request));
        return show(model, user, role, id, null, null, null);
    }

    private String show(Model model, SignedInUser user, Projects.Role role, long id, AgreementForm agreementForm,
                        Map<Reports.Kind, ReportForm> typedReports, EvaluationTyped typedEvaluation) {
        Projects.ProjectView project = projects.view(id);
        model.addAttribute("project", project);
        model.addAttribute("role", role);
        model.addAttribute("base", base(role) + "/" + id);
        model.addAttribute("administrator", user.has(Role.ADMIN));
        model.addAttribute("representative", role == Projects.Role.GROUP && projects.represents(id, user.accountId()));
        var reportViews = reports.of(id);
        model.addAttribute("reports", reportViews);
        Map<Reports.Kind, ReportForm> forms = new EnumMap<>(Reports.Kind.class);
        for (Reports.ReportView r : reportViews) {
            forms.put(r.kind(), typedReports != null && typedReports.containsKey(r.kind()) ? typedReports.get(r.kind())
                    : ReportForm.of(r, project.proposal().targets().size(), project.proposal().budget().size()));
        }
        model.addAttribute("reportForms", forms);
        Evaluations.Overview overview = evaluations.overview(id);
        model.addAttribute("evaluation", overview);
        model.addAttribute("ownSheet", evaluations.own(id, viewer(user), role));
        model.addAttribute("typedEvaluation", typedEvaluation != null ? typedEvaluation : EvaluationTyped.of(evaluations.own(id, viewer(user), role)));
        model.addAttribute("axes", EvaluationMath.Axis.values());
        if (!model.containsAttribute("agreementForm") && project.draft() != null) {
            model.addAttribute("agreementForm", agreementForm != null ? agreementForm : AgreementForm.of(project.draft()));
        }
        model.addAttribute("caseStudy", projects.caseStudy(id).orElse(null));
        // The committee's scores stay between the committee and the secretariat until publication; a member sees
        // them once their own sheet is in.
        Evaluations.Sheet own = evaluations.own(id, viewer(user), role);
        model.addAttribute("showCommittee", project.status() == ProjectStatus.PUBLISHED
                || (role == Projects.Role.CITY && user.has(Role.ADMIN))
                || (role == Projects.Role.COMMITTEE && own.status() == Evaluations.Status.SUBMITTED));
        return "collaboration/project";
    }

    /** What was typed into the evaluation sheet, shown again after an error. */
    record EvaluationTyped(Map<String, String> scores, Map<String, String> comments, String comment, long version) {
        static EvaluationTyped of(Evaluations.Sheet s) {
            Map<String, String> scores = new LinkedHashMap<>();
            s.scores().forEach((k, v) -> scores.put(k.name(), String.valueOf(v)));
            Map<String, String> comments = new LinkedHashMap<>();
            s.comments().forEach((k, v) -> comments.put(k.name(), v));
            return new EvaluationTyped(scores, comments, s.comment(), s.version());
        }
    }

    // ---- The agreement ----

    @PostMapping("/{id}/agreement")
    String editAgreement(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                         @ModelAttribute("agreementForm") AgreementForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Projects.Role role = projects.roleOf(id, viewer(user), role(request));
        try {
            projects.editAgreement(id, viewer(user), form.getVersion(), form);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            if (e.concerns("version") && projects.view(id).draft() != null) {
                form.setVersion(projects.view(id).draft().version());
            }
            return show(model, user, role, id, form, null, null);
        }
        redirect.addFlashAttribute("notice", "notice.agreement.saved");
        return "redirect:" + base(role) + "/" + id + "#agreement";
    }

    @PostMapping("/{id}/agreement/comment")
    String comment(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                   @RequestParam(required = false) String body, RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            projects.comment(id, viewer(user), role, body);
            redirect.addFlashAttribute("notice", "notice.agreement.commented");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#agreement";
    }

    @PostMapping("/{id}/agreement/confirm")
    String confirm(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, @RequestParam long version,
                   RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            projects.confirm(id, viewer(user), role, version);
            redirect.addFlashAttribute("notice", "notice.agreement.confirmed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#agreement";
    }

    @PostMapping("/{id}/agreement/change")
    String change(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            projects.requestChange(id, viewer(user), role, reason);
            redirect.addFlashAttribute("notice", "notice.agreement.changeOpened");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#agreement";
    }

    @PostMapping("/{id}/agreement/withdraw")
    String withdrawChange(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                          RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            projects.withdrawChange(id, viewer(user), role);
            redirect.addFlashAttribute("notice", "notice.agreement.changeWithdrawn");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#agreement";
    }

    @GetMapping("/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreementPdf(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                                        @RequestParam(required = false) Integer number) {
        Projects.Role role = projects.roleOf(id, viewer(user), role(request));
        if (role == Projects.Role.COMMITTEE) {
            throw CallManagement.notFound();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("agreement-" + id + ".pdf").build().toString())
                .body(projects.agreementPdf(id, number));
    }

    // ---- Reports ----

    @PostMapping("/{id}/reports/{kind}")
    String saveReport(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, @PathVariable Reports.Kind kind,
                      @ModelAttribute("reportForm") ReportForm form, BindingResult result, @RequestParam(required = false) String submit,
                      Model model, RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            reports.save(id, viewer(user), kind, form, submit != null);
        } catch (InvalidInputException e) {
            model.addAttribute("reportErrors", e);
            model.addAttribute("reportKind", kind);
            if (e.concerns("version")) {
                reports.of(id).stream().filter(r -> r.kind() == kind).findFirst().ifPresent(r -> form.setVersion(r.version()));
            }
            return show(model, user, projects.roleOf(id, viewer(user), role), id, null, Map.of(kind, form), null);
        }
        redirect.addFlashAttribute("notice", submit != null ? "notice.report.submitted" : "notice.report.saved");
        return "redirect:" + base(role) + "/" + id + "#report-" + kind;
    }

    @PostMapping("/{id}/reports/{kind}/photos")
    String photo(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, @PathVariable Reports.Kind kind,
                 @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
        Projects.Role role = role(request);
        try {
            reports.addPhoto(id, viewer(user), kind, photo == null ? null : photo.getOriginalFilename(), photo == null ? null : photo.getBytes());
            redirect.addFlashAttribute("notice", "notice.report.photo");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#report-" + kind;
    }

    @PostMapping("/{id}/reports/{kind}/decision")
    String decideReport(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                        @PathVariable Reports.Kind kind, @RequestParam long version, @RequestParam(required = false) String accept,
                        @RequestParam(required = false) String message, RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            reports.decide(id, viewer(user), kind, version, accept != null, message);
            redirect.addFlashAttribute("notice", accept != null ? "notice.report.accepted" : "notice.report.returned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id + "#report-" + kind;
    }

    @GetMapping("/{id}/photos/{fileId}")
    ResponseEntity<byte[]> photoFile(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                                     @PathVariable long fileId) {
        projects.roleOf(id, viewer(user), role(request));
        Attachments.Stored f = reports.photo(id, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    // ---- Evaluation ----

    @PostMapping("/{id}/evaluation")
    String evaluate(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                    @RequestParam Map<String, String> params, @RequestParam long version, @RequestParam(required = false) String submit,
                    Model model, RedirectAttributes redirect) {
        Projects.Role role = role(request);
        Map<EvaluationMath.Axis, String> scores = new EnumMap<>(EvaluationMath.Axis.class);
        Map<EvaluationMath.Axis, String> comments = new EnumMap<>(EvaluationMath.Axis.class);
        Map<String, String> typedScores = new LinkedHashMap<>();
        Map<String, String> typedComments = new LinkedHashMap<>();
        for (EvaluationMath.Axis axis : EvaluationMath.Axis.values()) {
            scores.put(axis, params.get("scores[" + axis + "]"));
            comments.put(axis, params.get("comments[" + axis + "]"));
            typedScores.put(axis.name(), params.get("scores[" + axis + "]"));
            typedComments.put(axis.name(), params.get("comments[" + axis + "]"));
        }
        try {
            evaluations.save(id, viewer(user), role, version, scores, comments, params.get("comment"), submit != null);
        } catch (InvalidInputException e) {
            model.addAttribute("evaluationErrors", e);
            long current = e.concerns("version") ? evaluations.own(id, viewer(user), role).version() : version;
            return show(model, user, projects.roleOf(id, viewer(user), role), id, null, null,
                    new EvaluationTyped(typedScores, typedComments, params.get("comment"), current));
        }
        redirect.addFlashAttribute("notice", submit != null ? "notice.evaluation.submitted" : "notice.evaluation.saved");
        return "redirect:" + base(role) + "/" + id + "#evaluation";
    }

    // ---- The secretariat ----

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, @RequestParam long version,
                   RedirectAttributes redirect) {
        Projects.Role role = role(request);
        try {
            projects.publish(id, viewer(user), version, () -> evaluations.overview(id).complete());
            redirect.addFlashAttribute("notice", "notice.project.published");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role) + "/" + id;
    }

    @PostMapping("/{id}/case-study")
    String caseStudy(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id, RedirectAttributes redirect) {
        try {
            projects.draftCaseStudy(id, viewer(user));
            redirect.addFlashAttribute("notice", "notice.caseStudy.drafted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role(request)) + "/" + id + "#case-study";
    }

    @PostMapping("/{id}/case-study/edit")
    String editCaseStudy(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, @PathVariable long id,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        try {
            projects.editCaseStudy(id, viewer(user), title, body);
            redirect.addFlashAttribute("notice", "notice.caseStudy.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + base(role(request)) + "/" + id + "#case-study";
    }
}
