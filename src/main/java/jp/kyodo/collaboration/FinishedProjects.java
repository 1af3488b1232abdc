package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.shared.CollaborationForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only view of the projects whose completion report is accepted or whose evaluation is published, for other
 * modules that tell what collaboration achieved (case studies): public facts only, never a person's contact details.
 */
@Service
public class FinishedProjects {

    /**
     * A finished project as a case study would start from.
     *
     * @param scores the mean score (1–5) per principle, combined over the submitted evaluation sheets; empty if none
     */
    public record FinishedProject(long id, int fiscalYear, String title, boolean published, CollaborationForm form,
                                  List<String> fieldCodes, String groupName, String departmentName, LocalDate periodFrom,
                                  LocalDate periodTo, long budget, String purpose, String content, String activities,
                                  List<String> outcomes, Map<String, BigDecimal> scores, BigDecimal overallScore,
                                  List<String> evaluationComments) {
    }

    private final Projects projects;
    private final ProjectRepository repository;
    private final Reports reports;
    private final Evaluations evaluations;

    FinishedProjects(Projects projects, ProjectRepository repository, Reports reports, Evaluations evaluations) {
        this.projects = projects;
        this.repository = repository;
        this.reports = reports;
        this.evaluations = evaluations;
    }

    /** Projects evaluated (completion report accepted) or published, newest fiscal year first. */
    @Transactional(readOnly = true)
    public List<FinishedProject> all() {
        List<Project> found = new ArrayList<>(repository.findByStatus(ProjectStatus.COMPLETED));
        found.addAll(repository.findByStatus(ProjectStatus.PUBLISHED));
        return found.stream().map(p -> toFinished(projects.view(p.id())))
                .sorted(Comparator.comparingInt(FinishedProject::fiscalYear).reversed().thenComparing(FinishedProject::title)).toList();
    }

    /** One such project, or empty when it does not exist or has not reached that stage. */
    @Transactional(readOnly = true)
    public Optional<FinishedProject> find(long projectId) {
        return repository.findById(projectId)
                .filter(p -> p.status() == ProjectStatus.COMPLETED || p.status() == ProjectStatus.PUBLISHED)
                .map(p -> toFinished(projects.view(p.id())));
    }

    private FinishedProject toFinished(Projects.ProjectView view) {
        ProposalView p = view.proposal();
        Projects.AgreementView signed = view.signed();
        LocalDate from = signed != null ? signed.clauses().periodFrom() : p.periodFrom();
        LocalDate to = signed != null ? signed.clauses().periodTo() : p.periodTo();
        List<String> fields = !p.call().fieldCodes().isEmpty() ? List.copyOf(p.call().fieldCodes()) : p.group().fieldCodes();
        Reports.ReportView completion = reports.of(view.id()).stream().filter(r -> r.kind() == Reports.Kind.COMPLETION).findFirst().orElse(null);
        List<String> outcomes = new ArrayList<>();
        List<ProposalLines.Target> targets = p.targets();
        for (int i = 0; i < targets.size(); i++) {
            ProposalLines.Target t = targets.get(i);
            String achieved = completion == null ? null : completion.outcomes().get(i);
            outcomes.add(t.description() + "(目標: " + t.value() + (achieved == null || achieved.isBlank() ? "" : " / 実績: " + achieved) + ")");
        }
        Evaluations.Overview overview = evaluations.overview(view.id());
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        BigDecimal overall = null;
        if (overview.result() != null) {
            overview.result().combinedByAxis().forEach((axis, score) -> {
                if (score != null) {
                    scores.put(axis.name(), score);
                }
            });
            overall = overview.result().combined();
        }
        List<String> comments = new ArrayList<>();
        for (Evaluations.Sheet s : List.of(overview.group(), overview.city())) {
            if (s.status() == Evaluations.Status.SUBMITTED && s.comment() != null && !s.comment().isBlank()) {
                comments.add(s.comment());
            }
        }
        return new FinishedProject(view.id(), p.call().fiscalYear(), p.title(), view.status() == ProjectStatus.PUBLISHED, p.form(), fields,
                p.group().name(), p.call().departmentName(), from, to, p.expenseTotal(), p.purpose(), p.content(),
                completion == null ? null : completion.activities(), outcomes, scores, overall, comments);
    }
}
