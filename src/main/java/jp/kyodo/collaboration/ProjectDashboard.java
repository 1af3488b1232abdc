package jp.kyodo.collaboration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat's (and a department's) overview: every project by fiscal year and stage, what waits for whom, what is late. */
@Service
class ProjectDashboard {

    private final ProjectRepository projects;
    private final Projects projectService;
    private final Reports reports;
    private final Evaluations evaluations;

    ProjectDashboard(ProjectRepository projects, Projects projectService, Reports reports, Evaluations evaluations) {
        this.projects = projects;
        this.projectService = projectService;
        this.reports = reports;
        this.evaluations = evaluations;
    }

    /** One project's line: who the next step waits for (a message key and its date), and whether it is late. */
    record Row(long id, int fiscalYear, String title, String groupName, String departmentName, ProjectStatus status, String waitingKey,
               LocalDate due, boolean late) {
    }

    @Transactional(readOnly = true)
    List<Row> rows(Projects.Viewer viewer) {
        List<Row> out = new ArrayList<>();
        List<Project> all = projects.findAll();
        // Every project's view from a few queries for them all; only the steps still open read one project's reports
        // or evaluations.
        Map<Long, Projects.ProjectView> views = new HashMap<>();
        projectService.views(all).forEach(v -> views.put(v.id(), v));
        Map<Long, List<Reports.Standing>> reportsOf = reports.standings(all.stream()
                .filter(p -> p.status() == ProjectStatus.RUNNING).map(Project::id).toList());
        Map<Long, Evaluations.Overview> evaluationsOf = evaluations.overviews(all.stream()
                .filter(p -> p.status() == ProjectStatus.COMPLETED).map(Project::id).toList());
        for (Project project : all) {
            Projects.ProjectView v = views.get(project.id());
            CallView call = v.proposal().call();
            if (!viewer.administrator() && (viewer.departmentId() == null || viewer.departmentId() != call.departmentId())) {
                continue;
            }
            String waiting = null;
            LocalDate due = null;
            boolean late = false;
            Projects.AgreementView draft = v.draft();
            if (draft != null) {
                waiting = draft.cityConfirmedAt() == null ? "collab.waiting.cityConfirmation" : "collab.waiting.groupConfirmation";
            } else if (project.status() == ProjectStatus.RUNNING) {
                for (Reports.Standing r : reportsOf.getOrDefault(project.id(), List.of())) {
                    if (r.status() == Reports.Status.ACCEPTED) {
                        continue;
                    }
                    waiting = r.status() == Reports.Status.SUBMITTED ? "collab.waiting.reportCheck." + r.kind() : "collab.waiting.report." + r.kind();
                    due = r.dueOn();
                    late = r.overdue();
                    break;
                }
            } else if (project.status() == ProjectStatus.COMPLETED) {
                Evaluations.Overview e = evaluationsOf.get(project.id());
                if (e.group().status() != Evaluations.Status.SUBMITTED) {
                    waiting = "collab.waiting.groupEvaluation";
                } else if (e.city().status() != Evaluations.Status.SUBMITTED) {
                    waiting = "collab.waiting.cityEvaluation";
                } else if (!e.complete()) {
                    waiting = "collab.waiting.committeeEvaluation";
                } else {
                    waiting = "collab.waiting.publication";
                }
            }
            out.add(new Row(project.id(), call.fiscalYear(), v.proposal().title(), v.proposal().group().name(), call.departmentName(),
                    project.status(), waiting, due, late));
        }
        out.sort(Comparator.comparing(Row::fiscalYear).reversed().thenComparing(Row::late, Comparator.reverseOrder())
                .thenComparing(Row::status).thenComparing(Row::title));
        return out;
    }
}
