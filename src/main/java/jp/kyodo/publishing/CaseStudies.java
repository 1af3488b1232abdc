package jp.kyodo.publishing;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.collaboration.FinishedProjects;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.Groups;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.search.SearchDocumentRemoved;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Case studies of collaboration (協働事例): structured records written by city staff, directly or drafted from a
 * finished collaboration project; public, searchable and in the open data once published. Every change is audited.
 */
@Service
class CaseStudies {

    static final String SEARCH_TYPE = "case-study";
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    enum Status { DRAFT, PUBLISHED, UNPUBLISHED }

    /** A photo and the text that describes it to someone who cannot see it. */
    record Photo(long id, String altText) {
    }

    /** A case study. {@code fields} are the registry's fields (code and name). */
    record CaseStudy(long id, String title, String summary, CollaborationForm form, int fiscalYear, List<Choice> fields,
                     String partnerGroups, String departmentName, LocalDate periodFrom, LocalDate periodTo, Long budget, String activities,
                     String outcomes, String evaluation, String lessons, Long projectId, Status status, Instant publishedAt,
                     Instant updatedAt, long version, List<Photo> photos) {

        public String fiscalYearLabel() {
            return new FiscalYear(fiscalYear).label();
        }

        public boolean published() {
            return status == Status.PUBLISHED;
        }
    }

    /** The public list's filters; null means any. */
    record Filter(CollaborationForm form, String field, Integer fiscalYear) {
    }

    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;
    private final AuditLog audit;
    private final Groups groups;
    private final FinishedProjects projects;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    CaseStudies(JdbcClient jdbc, jp.kyodo.shared.FileStorage files, AuditLog audit, Groups groups, FinishedProjects projects, ApplicationEventPublisher events,
                MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
        this.groups = groups;
        this.projects = projects;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- Public ----

    @Transactional(readOnly = true)
    Page<CaseStudy> publicList(Filter filter, int page, int size) {
        int p = Math.max(0, page);
        StringBuilder where = new StringBuilder("status = 'PUBLISHED'");
        Map<String, Object> params = new HashMap<>();
        if (filter.form() != null) {
            where.append(" and form = :form");
            params.put("form", filter.form().name());
        }
        if (filter.fiscalYear() != null) {
            where.append(" and fiscal_year = :fy");
            params.put("fy", filter.fiscalYear());
        }
        if (filter.field() != null && !filter.field().isBlank()) {
            where.append(" and exists (select 1 from pub_case_study_field f where f.case_study_id = c.id and f.field_code = :field)");
            params.put("field", filter.field());
        }
        long total = jdbc.sql("select count(*) from pub_case_study c where " + where).params(params).query(Long.class).single();
        List<CaseStudy> found = load("where " + where + " order by c.fiscal_year desc, c.published_at desc, c.id desc limit " + size
                + " offset " + ((long) p * size), params);
        return new PageImpl<>(found, PageRequest.of(p, size), total);
    }

    @Transactional(readOnly = true)
    CaseStudy publicCase(long id) {
        CaseStudy c = find(id);
        if (!c.published()) {
            throw NewsDesk.notFound();
        }
        return c;
    }

    @Transactional(readOnly = true)
    List<CaseStudy> allPublic() {
        return load("where c.status = 'PUBLISHED' order by c.fiscal_year desc, c.id", Map.of());
    }

    /** The fiscal years that have public case studies, newest first, for the filter. */
    @Transactional(readOnly = true)
    List<Integer> publicYears() {
        return jdbc.sql("select distinct fiscal_year from pub_case_study where status = 'PUBLISHED' order by fiscal_year desc").query(Integer.class).list();
    }

    /** A photo's bytes and type, if the case study is public (or {@code staff} looks). */
    @Transactional(readOnly = true)
    Map.Entry<String, byte[]> photo(long caseId, long photoId, boolean staff) {
        CaseStudy c = staff ? find(caseId) : publicCase(caseId);
        return jdbc.sql("select content_type, content, content_key from pub_case_study_photo where id = :id and case_study_id = :c")
                .param("id", photoId).param("c", c.id())
                .query((rs, i) -> Map.entry(rs.getString(1), files.load(rs.getBytes(2), rs.getString(3)))).optional().orElseThrow(NewsDesk::notFound);
    }

    // ---- Staff ----

    @Transactional(readOnly = true)
    List<CaseStudy> all() {
        return load("order by c.updated_at desc, c.id desc", Map.of());
    }

    @Transactional(readOnly = true)
    CaseStudy find(long id) {
        return load("where c.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(NewsDesk::notFound);
    }

    /** The finished collaboration projects a case study can be drafted from, with the case study already drafted, if any. */
    @Transactional(readOnly = true)
    List<Map.Entry<FinishedProjects.FinishedProject, Long>> draftableProjects() {
        Map<Long, Long> drafted = new HashMap<>();
        jdbc.sql("select project_id, id from pub_case_study where project_id is not null")
                .query((rs, i) -> drafted.put(rs.getLong(1), rs.getLong(2))).list();
        List<Map.Entry<FinishedProjects.FinishedProject, Long>> result = new ArrayList<>();
        for (FinishedProjects.FinishedProject p : projects.all()) {
            result.add(new java.util.AbstractMap.SimpleImmutableEntry<>(p, drafted.get(p.id())));
        }
        return result;
    }

    /** Checked input of the case study form. */
    record Input(String title, String summary, CollaborationForm form, int fiscalYear, List<String> fields, String partnerGroups,
                 String departmentName, LocalDate periodFrom, LocalDate periodTo, Long budget, String activities, String outcomes,
                 String evaluation, String lessons) {
    }

    Input read(MultiValueMap<String, String> raw) {
        Map<String, String> form = raw.toSingleValueMap();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", form.get("title"), 200));
        String summary = checks.check(() -> Inputs.required("summary", form.get("summary"), 2000));
        CollaborationForm kind = checks.check(() -> form(form.get("form")));
        Integer year = checks.check(() -> Inputs.integer("fiscalYear", form.get("fiscalYear"), 2000, 2100));
        if (year == null && !checks.failed("fiscalYear")) {
            checks.check(() -> {
                throw new InvalidInputException("fiscalYear", "validation.required");
            });
        }
        Set<String> known = groups.fields().stream().map(Choice::code).collect(Collectors.toSet());
        List<String> fields = raw.getOrDefault("fields", List.of()).stream().filter(f -> f != null && !f.isBlank()).distinct().toList();
        if (fields.stream().anyMatch(f -> !known.contains(f))) {
            checks.check(() -> {
                throw new InvalidInputException("fields", "validation.case.field");
            });
        }
        String partners = checks.check(() -> Inputs.required("partnerGroups", form.get("partnerGroups"), 500));
        String department = checks.check(() -> Inputs.optional("departmentName", form.get("departmentName"), 200));
        LocalDate from = checks.check(() -> Inputs.date("periodFrom", form.get("periodFrom")));
        LocalDate to = checks.check(() -> Inputs.date("periodTo", form.get("periodTo")));
        if (from != null && to != null && to.isBefore(from)) {
            checks.check(() -> {
                throw new InvalidInputException("periodTo", "validation.case.periodOrder");
            });
        }
        Long budget = checks.check(() -> Inputs.yen("budget", form.get("budget")));
        String activities = checks.check(() -> Inputs.optional("activities", form.get("activities"), 10_000));
        String outcomes = checks.check(() -> Inputs.optional("outcomes", form.get("outcomes"), 10_000));
        String evaluation = checks.check(() -> Inputs.optional("evaluation", form.get("evaluation"), 5_000));
        String lessons = checks.check(() -> Inputs.optional("lessons", form.get("lessons"), 5_000));
        checks.throwIfAny();
        return new Input(title, summary, kind, year, fields, partners, department, from, to, budget, activities, outcomes, evaluation, lessons);
    }

    @Transactional
    long create(Actor staff, MultiValueMap<String, String> form) {
        Input in = read(form);
        long id = insert(in, null, staff);
        audit.record(staff, "caseStudy.create", "pub_case_study", id, in.title());
        return id;
    }

    /**
     * Drafts a case study from a finished project, its fields filled from the proposal, the agreement, the completion
     * report and the evaluation, to edit before publishing; the one already drafted from it if there is one.
     */
    @Transactional
    long draftFromProject(Actor staff, long projectId) {
        // Two people drafting from the same project at once: the second waits here and then finds the first one's draft.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('pub_case_study.project'), cast(:p as int))").param("p", projectId)
                .query((rs, i) -> 1).list();
        Long existing = jdbc.sql("select id from pub_case_study where project_id = :p").param("p", projectId).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        FinishedProjects.FinishedProject p = projects.find(projectId).orElseThrow(NewsDesk::notFound);
        Input in = prefill(p);
        long id = insert(in, projectId, staff);
        audit.record(staff, "caseStudy.draftFromProject", "pub_case_study", id, in.title() + " (project #" + projectId + ")");
        return id;
    }

    Input prefill(FinishedProjects.FinishedProject p) {
        Set<String> known = groups.fields().stream().map(Choice::code).collect(Collectors.toSet());
        String evaluation;
        if (p.scores().isEmpty()) {
            evaluation = null;
        } else {
            StringBuilder s = new StringBuilder();
            p.scores().forEach((axis, score) -> s.append(messages.getMessage("collab.axis." + axis, null, axis, Locale.JAPANESE))
                    .append(": ").append(score.setScale(1, RoundingMode.HALF_UP)).append(" / 5\n"));
            if (p.overallScore() != null) {
                s.append("総合: ").append(p.overallScore().setScale(1, RoundingMode.HALF_UP)).append(" / 5\n");
            }
            p.evaluationComments().forEach(c -> s.append("\n").append(c));
            evaluation = s.toString().strip();
        }
        String outcomes = p.outcomes().isEmpty() ? null : p.outcomes().stream().map(o -> "・" + o).collect(Collectors.joining("\n"));
        String activities = p.activities() != null && !p.activities().isBlank() ? p.activities() : p.content();
        return new Input(p.title(), p.purpose() == null ? p.title() : p.purpose(),
                p.form() == null ? CollaborationForm.COOPERATION : p.form(),
                // The year the project ran, which follows the year of its call when projects start the April after.
                p.periodFrom() != null ? FiscalYear.of(p.periodFrom()).startYear() : p.fiscalYear(),
                p.fieldCodes().stream().filter(known::contains).toList(), p.groupName(), p.departmentName(), p.periodFrom(), p.periodTo(),
                p.budget(), cut(activities, 10_000), cut(outcomes, 10_000), cut(evaluation, 5_000), null);
    }

    /** Saves an edit; a published case study's search entry follows it. */
    @Transactional
    void update(long id, Actor staff, MultiValueMap<String, String> form) {
        CaseStudy old = lock(id);
        requireVersion(old, form.getFirst("version"));
        Input in = read(form);
        jdbc.sql("""
                        update pub_case_study set title = :title, summary = :summary, form = :form, fiscal_year = :fy, partner_groups = :partners,
                        department_name = :dept, period_from = :from, period_to = :to, budget = :budget, activities = :act, outcomes = :out,
                        evaluation = :eval, lessons = :lessons, updated_at = :now, version = version + 1 where id = :id""")
                .params(columns(in)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        saveFields(id, in.fields());
        audit.record(staff, "caseStudy.edit", "pub_case_study", id, in.title());
        CaseStudy now = find(id);
        if (now.published()) {
            events.publishEvent(new SearchDocumentChanged(document(now)));
        }
    }

    @Transactional
    void publish(long id, Actor staff, String version) {
        CaseStudy old = lock(id);
        requireVersion(old, version);
        if (old.published()) {
            throw new InvalidInputException("version", "validation.case.alreadyPublished");
        }
        // A draft from a project carries its evaluation and reports, which the city releases by publishing the project.
        if (old.projectId() != null && !projects.find(old.projectId()).map(FinishedProjects.FinishedProject::published).orElse(false)) {
            throw new InvalidInputException("version", "validation.case.projectNotPublished");
        }
        jdbc.sql("update pub_case_study set status = 'PUBLISHED', published_at = :now, updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "caseStudy.publish", "pub_case_study", id, old.title());
        events.publishEvent(new SearchDocumentChanged(document(find(id))));
    }

    @Transactional
    void unpublish(long id, Actor staff, String version) {
        CaseStudy old = lock(id);
        requireVersion(old, version);
        if (!old.published()) {
            throw new InvalidInputException("version", "validation.case.notPublished");
        }
        jdbc.sql("update pub_case_study set status = 'UNPUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "caseStudy.unpublish", "pub_case_study", id, old.title());
        events.publishEvent(new SearchDocumentRemoved(SEARCH_TYPE, String.valueOf(id)));
    }

    /** Adds a photo (PNG or JPEG, checked by its content) with its required alternative text. */
    @Transactional
    void addPhoto(long id, Actor staff, String filename, byte[] content, String rawAlt) {
        CaseStudy c = lock(id);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String alt = checks.check(() -> Inputs.required("altText", rawAlt, 300));
        String type = content == null || content.length == 0 ? null : FileTypes.documentOrImage(content);
        if (content == null || content.length == 0) {
            checks.check(() -> {
                throw new InvalidInputException("photo", "validation.case.photoMissing");
            });
        } else if (content.length > MAX_PHOTO_BYTES || type == null || !type.startsWith("image/")) {
            checks.check(() -> {
                throw new InvalidInputException("photo", "validation.case.photoType");
            });
        }
        checks.throwIfAny();
        // Seen by anyone: the photo loses where and by whom it was taken.
        content = jp.kyodo.shared.ImageMetadata.strip(content);
        String name = FileTypes.safeFilename(filename, "photo");
        jp.kyodo.shared.FileStorage.Saved saved = files.save(content);
        long photoId = jdbc.sql("""
                        insert into pub_case_study_photo (case_study_id, filename, content_type, content, content_key, alt_text, created_at)
                        values (:c, :n, :t, :b, :key, :a, :now) returning id""")
                .param("c", id).param("n", name).param("t", type).param("b", saved.inRow()).param("key", saved.key()).param("a", alt)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        touch(id);
        audit.record(staff, "caseStudy.photo.add", "pub_case_study", id, c.title() + " / photo #" + photoId);
    }

    @Transactional
    void removePhoto(long id, long photoId, Actor staff) {
        CaseStudy c = lock(id);
        String key = jdbc.sql("delete from pub_case_study_photo where id = :p and case_study_id = :c returning coalesce(content_key, '')")
                .param("p", photoId).param("c", id).query(String.class).optional().orElseThrow(NewsDesk::notFound);
        files.deleteAfterCommit(key.isEmpty() ? null : key);
        touch(id);
        audit.record(staff, "caseStudy.photo.remove", "pub_case_study", id, c.title() + " / photo #" + photoId);
    }

    // ---- Search ----

    @Transactional(readOnly = true)
    List<SearchDocument> searchable() {
        return allPublic().stream().map(CaseStudies::document).toList();
    }

    /** The case study's search document while it is published. */
    @Transactional(readOnly = true)
    java.util.Optional<SearchDocument> searchable(long id) {
        return load("where c.id = :id and c.status = 'PUBLISHED'", Map.of("id", id)).stream().findFirst().map(CaseStudies::document);
    }

    static SearchDocument document(CaseStudy c) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("form", List.of(c.form().name()));
        facets.put("field", c.fields().stream().map(Choice::code).toList());
        facets.put("fiscalYear", List.of(String.valueOf(c.fiscalYear())));
        String text = String.join("\n", c.summary(), nz(c.partnerGroups()), nz(c.departmentName()),
                c.fields().stream().map(Choice::name).collect(Collectors.joining(" ")), nz(c.activities()), nz(c.outcomes()), nz(c.lessons()));
        return new SearchDocument(SEARCH_TYPE, String.valueOf(c.id()), c.title(), text, "/case-studies/" + c.id(), facets, c.updatedAt());
    }

    // ---- Helpers ----

    private long insert(Input in, Long projectId, Actor staff) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into pub_case_study (title, summary, form, fiscal_year, partner_groups, department_name, period_from, period_to,
                        budget, activities, outcomes, evaluation, lessons, project_id, status, created_by, created_at, updated_at)
                        values (:title, :summary, :form, :fy, :partners, :dept, :from, :to, :budget, :act, :out, :eval, :lessons, :project,
                        'DRAFT', :by, :now, :now) returning id""")
                .params(columns(in)).param("project", projectId).param("by", staff.accountId()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        saveFields(id, in.fields());
        return id;
    }

    private static Map<String, Object> columns(Input in) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", in.title());
        m.put("summary", in.summary());
        m.put("form", in.form().name());
        m.put("fy", in.fiscalYear());
        m.put("partners", in.partnerGroups());
        m.put("dept", in.departmentName());
        m.put("from", in.periodFrom());
        m.put("to", in.periodTo());
        m.put("budget", in.budget());
        m.put("act", in.activities());
        m.put("out", in.outcomes());
        m.put("eval", in.evaluation());
        m.put("lessons", in.lessons());
        return m;
    }

    private void saveFields(long id, List<String> fields) {
        jdbc.sql("delete from pub_case_study_field where case_study_id = :c").param("c", id).update();
        for (String f : fields) {
            jdbc.sql("insert into pub_case_study_field (case_study_id, field_code) values (:c, :f)").param("c", id).param("f", f).update();
        }
    }

    private void touch(long id) {
        jdbc.sql("update pub_case_study set updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private CaseStudy lock(long id) {
        jdbc.sql("select id from pub_case_study where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(NewsDesk::notFound);
        return find(id);
    }

    private static void requireVersion(CaseStudy c, String version) {
        if (version == null || !version.strip().equals(String.valueOf(c.version()))) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private static CollaborationForm form(String raw) {
        try {
            return CollaborationForm.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("form", "validation.case.form");
        }
    }

    private List<CaseStudy> load(String clause, Map<String, ?> params) {
        List<Object[]> rows = jdbc.sql("select c.* from pub_case_study c " + clause).params(params).query(CaseStudies::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<String, Choice> fieldsByCode = groups.fields().stream().collect(Collectors.toMap(Choice::code, c -> c, (a, b) -> a));
        Map<Long, List<Choice>> fields = new HashMap<>();
        jdbc.sql("select case_study_id, field_code from pub_case_study_field where case_study_id in (:ids) order by field_code").param("ids", ids)
                .query((rs, i) -> fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(fieldsByCode.getOrDefault(rs.getString(2), new Choice(rs.getString(2), rs.getString(2), rs.getString(2), false))))
                .list();
        Map<Long, List<Photo>> photos = new HashMap<>();
        jdbc.sql("select case_study_id, id, alt_text from pub_case_study_photo where case_study_id in (:ids) order by id").param("ids", ids)
                .query((rs, i) -> photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Photo(rs.getLong(2), rs.getString(3))))
                .list();
        return rows.stream().map(r -> {
            long id = (Long) r[0];
            return new CaseStudy(id, (String) r[1], (String) r[2], CollaborationForm.valueOf((String) r[3]), (Integer) r[4],
                    fields.getOrDefault(id, List.of()), (String) r[5], (String) r[6], (LocalDate) r[7], (LocalDate) r[8], (Long) r[9],
                    (String) r[10], (String) r[11], (String) r[12], (String) r[13], (Long) r[14], Status.valueOf((String) r[15]),
                    (Instant) r[16], (Instant) r[17], (Long) r[18], photos.getOrDefault(id, List.of()));
        }).toList();
    }

    private static Object[] row(ResultSet rs, int i) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        java.sql.Date from = rs.getDate("period_from");
        java.sql.Date to = rs.getDate("period_to");
        return new Object[] {rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("form"), rs.getInt("fiscal_year"),
                rs.getString("partner_groups"), rs.getString("department_name"), from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(), (Long) rs.getObject("budget"), rs.getString("activities"), rs.getString("outcomes"),
                rs.getString("evaluation"), rs.getString("lessons"), (Long) rs.getObject("project_id"), rs.getString("status"),
                published == null ? null : published.toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version")};
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
