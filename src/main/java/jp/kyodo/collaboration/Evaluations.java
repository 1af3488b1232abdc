package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 評価・検証: once the completion report is accepted, the group and the department each fill an evaluation sheet
 * (the seven principles and the targets, 1 to 5 with a comment) and see each other's only when both have submitted;
 * the committee's members then add the third-party evaluation. The combined score weighs the three sides.
 */
@Service
class Evaluations {

    /** One sheet per side for the group and the department; one per member for the committee. */
    private static final long SIDE_SHEET = 0L;

    private final JdbcClient jdbc;
    private final Projects projects;
    private final ProjectRepository projectRepository;
    private final AuditLog audit;
    private final Clock clock;
    private final CollaborationSettings settings;

    Evaluations(JdbcClient jdbc, Projects projects, ProjectRepository projectRepository, AuditLog audit, Clock clock,
                CollaborationSettings settings) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.projectRepository = projectRepository;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    enum Status { NONE, DRAFT, SUBMITTED }

    /** A sheet: scores and comments per axis, an overall comment. */
    record Sheet(EvaluationMath.Side side, String authorName, Status status, Map<EvaluationMath.Axis, Integer> scores,
                 Map<EvaluationMath.Axis, String> comments, String comment, long version) {
    }

    /** The project's evaluation as a viewer may see it. */
    record Overview(Sheet group, Sheet city, List<Sheet> committee, boolean mutualVisible, EvaluationMath.Result result) {

        public boolean complete() {
            return group.status() == Status.SUBMITTED && city.status() == Status.SUBMITTED
                    && committee.stream().anyMatch(s -> s.status() == Status.SUBMITTED);
        }
    }

    /** The overviews of several projects, by project, as {@link #overview(long)} builds each; two queries for them all. */
    @Transactional(readOnly = true)
    Map<Long, Overview> overviews(java.util.Collection<Long> projectIds) {
        Map<Long, Overview> out = new HashMap<>();
        if (projectIds.isEmpty()) {
            return out;
        }
        record Head(long id, long projectId, EvaluationMath.Side side, long account, String authorName, Status status, String comment,
                    long version) {
        }
        List<Head> heads = jdbc.sql("""
                        select id, project_id, side, account_id, author_name, status, comment, version from collab_evaluation
                        where project_id = any(:p) order by id""")
                .param("p", projectIds.toArray(Long[]::new))
                .query((rs, i) -> new Head(rs.getLong(1), rs.getLong(2), EvaluationMath.Side.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getString(5), Status.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8))).list();
        Map<Long, Map<EvaluationMath.Axis, Integer>> scores = new HashMap<>();
        Map<Long, Map<EvaluationMath.Axis, String>> comments = new HashMap<>();
        if (!heads.isEmpty()) {
            jdbc.sql("select evaluation_id, axis, score, comment from collab_evaluation_score where evaluation_id = any(:e)")
                    .param("e", heads.stream().map(Head::id).toArray(Long[]::new))
                    .query((rs, i) -> {
                        long evaluation = rs.getLong(1);
                        EvaluationMath.Axis axis = EvaluationMath.Axis.valueOf(rs.getString(2));
                        Object s = rs.getObject(3);
                        if (s != null) {
                            scores.computeIfAbsent(evaluation, k -> new EnumMap<>(EvaluationMath.Axis.class)).put(axis, ((Number) s).intValue());
                        }
                        if (rs.getString(4) != null) {
                            comments.computeIfAbsent(evaluation, k -> new HashMap<>()).put(axis, rs.getString(4));
                        }
                        return axis;
                    }).list();
        }
        Map<Long, List<Head>> byProject = new HashMap<>();
        heads.forEach(h -> byProject.computeIfAbsent(h.projectId(), k -> new ArrayList<>()).add(h));
        for (long projectId : new java.util.LinkedHashSet<>(projectIds)) {
            Sheet group = new Sheet(EvaluationMath.Side.GROUP, null, Status.NONE, Map.of(), Map.of(), null, 0);
            Sheet city = new Sheet(EvaluationMath.Side.CITY, null, Status.NONE, Map.of(), Map.of(), null, 0);
            List<Sheet> committee = new ArrayList<>();
            for (Head h : byProject.getOrDefault(projectId, List.of())) {
                Sheet sheet = new Sheet(h.side(), h.authorName(), h.status(),
                        scores.containsKey(h.id()) ? scores.get(h.id()) : new EnumMap<>(EvaluationMath.Axis.class),
                        comments.getOrDefault(h.id(), new HashMap<>()), h.comment(), h.version());
                if (h.side() == EvaluationMath.Side.COMMITTEE) {
                    committee.add(sheet);
                } else if (h.account() == SIDE_SHEET && h.side() == EvaluationMath.Side.GROUP) {
                    group = sheet;
                } else if (h.account() == SIDE_SHEET && h.side() == EvaluationMath.Side.CITY) {
                    city = sheet;
                }
            }
            out.put(projectId, overview(group, city, committee));
        }
        return out;
    }

    @Transactional(readOnly = true)
    Overview overview(long projectId) {
        Sheet group = load(projectId, EvaluationMath.Side.GROUP, SIDE_SHEET);
        Sheet city = load(projectId, EvaluationMath.Side.CITY, SIDE_SHEET);
        List<Sheet> committee = jdbc.sql("select account_id from collab_evaluation where project_id = :p and side = 'COMMITTEE' order by id")
                .param("p", projectId).query(Long.class).list().stream().map(a -> load(projectId, EvaluationMath.Side.COMMITTEE, a)).toList();
        return overview(group, city, committee);
    }

    private Overview overview(Sheet group, Sheet city, List<Sheet> committee) {
        boolean mutual = group.status() == Status.SUBMITTED && city.status() == Status.SUBMITTED;
        List<EvaluationMath.Sheet> submitted = new ArrayList<>();
        for (Sheet s : concat(group, city, committee)) {
            if (s.status() == Status.SUBMITTED) {
                submitted.add(new EvaluationMath.Sheet(s.side(), s.scores()));
            }
        }
        return new Overview(group, city, committee, mutual, EvaluationMath.combine(submitted, settings.weights()));
    }

    /** The sheet the viewer fills for their side (a committee member has their own). */
    @Transactional(readOnly = true)
    Sheet own(long projectId, Projects.Viewer viewer, Projects.Role role) {
        return load(projectId, side(role), role == Projects.Role.COMMITTEE ? viewer.actor().accountId() : SIDE_SHEET);
    }

    /**
     * Saves a sheet as a draft, or submits it (every axis scored 1 to 5). The committee evaluates after both
     * sides have submitted theirs. A submitted sheet is final.
     */
    @Transactional
    void save(long projectId, Projects.Viewer viewer, Projects.Role role, long version, Map<EvaluationMath.Axis, String> rawScores,
              Map<EvaluationMath.Axis, String> rawComments, String rawComment, boolean submit) {
        Project project = projectRepository.lockById(projectId).orElseThrow(CallManagement::notFound);
        projects.roleOf(projectId, viewer, role);
        if (project.status() != ProjectStatus.COMPLETED) {
            throw new InvalidInputException("version", "validation.evaluation.notOpen");
        }
        EvaluationMath.Side side = side(role);
        long account = role == Projects.Role.COMMITTEE ? viewer.actor().accountId() : SIDE_SHEET;
        if (side == EvaluationMath.Side.COMMITTEE) {
            Overview o = overview(projectId);
            if (!o.mutualVisible()) {
                throw new InvalidInputException("version", "validation.evaluation.sidesFirst");
            }
        }
        Sheet current = load(projectId, side, account);
        if (current.status() == Status.SUBMITTED) {
            throw new InvalidInputException("version", "validation.evaluation.submitted");
        }
        if (current.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Map<EvaluationMath.Axis, Integer> scores = new EnumMap<>(EvaluationMath.Axis.class);
        Map<EvaluationMath.Axis, String> comments = new EnumMap<>(EvaluationMath.Axis.class);
        for (EvaluationMath.Axis axis : EvaluationMath.Axis.values()) {
            String field = "scores[" + axis + "]";
            Integer v = checks.check(() -> Inputs.integer(field, rawScores.get(axis), 1, 5));
            if (v == null && submit && !checks.failed(field)) {
                checks.check(() -> {
                    throw new InvalidInputException(field, "validation.evaluation.scoreRequired");
                });
            }
            scores.put(axis, v);
            comments.put(axis, checks.check(() -> Inputs.optional("comments[" + axis + "]", rawComments.get(axis), 1000)));
        }
        String comment = checks.check(() -> Inputs.optional("comment", rawComment, 4000));
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into collab_evaluation (project_id, side, account_id, author_name, status, comment, submitted_at, updated_at, version)
                        values (:p, :side, :a, :name, :status, :comment, :sub, :now, 1)
                        on conflict (project_id, side, account_id) do update set author_name = excluded.author_name, status = excluded.status,
                            comment = excluded.comment, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at,
                            version = collab_evaluation.version + 1
                        returning id""")
                .param("p", projectId).param("side", side.name()).param("a", account).param("name", viewer.actor().displayName())
                .param("status", submit ? "SUBMITTED" : "DRAFT").param("comment", comment).param("sub", submit ? Timestamp.from(now) : null)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("delete from collab_evaluation_score where evaluation_id = :e").param("e", id).update();
        for (EvaluationMath.Axis axis : EvaluationMath.Axis.values()) {
            jdbc.sql("insert into collab_evaluation_score (evaluation_id, axis, score, comment) values (:e, :a, :s, :c)")
                    .param("e", id).param("a", axis.name()).param("s", scores.get(axis)).param("c", comments.get(axis)).update();
        }
        if (submit) {
            audit.record(viewer.actor(), "evaluation.submit", "collab_project", projectId, side.name());
        }
    }

    private Sheet load(long projectId, EvaluationMath.Side side, long account) {
        Optional<Object[]> head = jdbc.sql("""
                        select id, author_name, status, comment, version from collab_evaluation
                        where project_id = :p and side = :s and account_id = :a""")
                .param("p", projectId).param("s", side.name()).param("a", account)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5)})
                .optional();
        if (head.isEmpty()) {
            return new Sheet(side, null, Status.NONE, Map.of(), Map.of(), null, 0);
        }
        Map<EvaluationMath.Axis, Integer> scores = new EnumMap<>(EvaluationMath.Axis.class);
        Map<EvaluationMath.Axis, String> comments = new HashMap<>();
        jdbc.sql("select axis, score, comment from collab_evaluation_score where evaluation_id = :e").param("e", head.get()[0])
                .query((rs, i) -> {
                    EvaluationMath.Axis axis = EvaluationMath.Axis.valueOf(rs.getString(1));
                    Object s = rs.getObject(2);
                    if (s != null) {
                        scores.put(axis, ((Number) s).intValue());
                    }
                    if (rs.getString(3) != null) {
                        comments.put(axis, rs.getString(3));
                    }
                    return axis;
                }).list();
        Object[] h = head.get();
        return new Sheet(side, (String) h[1], (Status) h[2], scores, comments, (String) h[3], (Long) h[4]);
    }

    private static EvaluationMath.Side side(Projects.Role role) {
        return switch (role) {
            case GROUP -> EvaluationMath.Side.GROUP;
            case CITY -> EvaluationMath.Side.CITY;
            case COMMITTEE -> EvaluationMath.Side.COMMITTEE;
        };
    }

    private static List<Sheet> concat(Sheet a, Sheet b, List<Sheet> rest) {
        List<Sheet> all = new ArrayList<>(List.of(a, b));
        all.addAll(rest);
        return all;
    }
}
