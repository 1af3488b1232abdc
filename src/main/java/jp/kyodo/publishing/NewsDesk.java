package jp.kyodo.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.search.SearchDocumentRemoved;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * News (お知らせ) written by city staff: drafts, publication now or at a set time, edits, withdrawal and deletion,
 * each audited. The public sees an item only from its publication time on: every public query filters on the time,
 * and {@link #indexDue()} puts items into the search index when their time comes.
 */
@Service
class NewsDesk {

    static final String SEARCH_TYPE = "news";

    enum Status { DRAFT, PUBLISHED, UNPUBLISHED }

    /** A news item. {@code publishAt} is null for a draft never published. */
    record NewsItem(long id, String title, String body, NewsCategory category, Long departmentId, String departmentName, Status status,
                    Instant publishAt, Instant createdAt, Instant updatedAt, long version) {

        /** Public now: published and its time has come. */
        public boolean visibleAt(Instant now) {
            return status == Status.PUBLISHED && publishAt != null && !publishAt.isAfter(now);
        }

        /** Published with a time still to come. */
        public boolean scheduledAt(Instant now) {
            return status == Status.PUBLISHED && publishAt != null && publishAt.isAfter(now);
        }

        /** When the public saw it change last: its publication, or a later edit. */
        public Instant lastChange() {
            return publishAt == null || updatedAt.isAfter(publishAt) ? updatedAt : publishAt;
        }

        public List<NewsText.Paragraph> paragraphs() {
            return NewsText.paragraphs(body);
        }

        public String summary() {
            return NewsText.summary(body, 120);
        }
    }

    private static final String VISIBLE = "status = 'PUBLISHED' and publish_at <= :now";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    NewsDesk(JdbcClient jdbc, AuditLog audit, Accounts accounts, ApplicationEventPublisher events, Clock clock, CityProfile city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.zone = city.zone();
    }

    // ---- Public ----

    @Transactional(readOnly = true)
    Page<NewsItem> publicList(NewsCategory category, int page, int size) {
        int p = Math.max(0, page);
        String where = VISIBLE + (category == null ? "" : " and category = :c");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Timestamp.from(now()));
        if (category != null) {
            params.put("c", category.name());
        }
        long total = jdbc.sql("select count(*) from pub_news where " + where).params(params).query(Long.class).single();
        List<NewsItem> items = jdbc.sql("select * from pub_news where " + where + " order by publish_at desc, id desc limit :l offset :o")
                .params(params).param("l", size).param("o", (long) p * size).query(NewsDesk::map).list();
        return new PageImpl<>(items, PageRequest.of(p, size), total);
    }

    @Transactional(readOnly = true)
    List<NewsItem> latest(int count) {
        return jdbc.sql("select * from pub_news where " + VISIBLE + " order by publish_at desc, id desc limit :l")
                .param("now", Timestamp.from(now())).param("l", count).query(NewsDesk::map).list();
    }

    @Transactional(readOnly = true)
    NewsItem publicItem(long id) {
        NewsItem item = find(id);
        if (!item.visibleAt(now())) {
            throw notFound();
        }
        return item;
    }

    /** Every public item, newest first, for the open data. */
    @Transactional(readOnly = true)
    List<NewsItem> allPublic() {
        return jdbc.sql("select * from pub_news where " + VISIBLE + " order by publish_at desc, id desc")
                .param("now", Timestamp.from(now())).query(NewsDesk::map).list();
    }

    // ---- Staff ----

    @Transactional(readOnly = true)
    List<NewsItem> all() {
        return jdbc.sql("select * from pub_news order by coalesce(publish_at, updated_at) desc, id desc").query(NewsDesk::map).list();
    }

    @Transactional(readOnly = true)
    NewsItem find(long id) {
        return jdbc.sql("select * from pub_news where id = :id").param("id", id).query(NewsDesk::map).optional().orElseThrow(NewsDesk::notFound);
    }

    /** Checked input of the news form. */
    record Input(String title, String body, NewsCategory category, Long departmentId, String departmentName, Instant publishAt) {
    }

    /** Reads the form: title, body, category, department (optional), and a publication date and time (blank: now). */
    Input read(Map<String, String> form) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", form.get("title"), 200));
        String body = checks.check(() -> Inputs.required("body", form.get("body"), 20_000));
        NewsCategory category = checks.check(() -> category(form.get("category")));
        DepartmentView department = checks.check(() -> department(form.get("departmentId")));
        LocalDate date = checks.check(() -> Inputs.date("publishDate", form.get("publishDate")));
        LocalTime time = checks.check(() -> time(form.get("publishTime")));
        if (date == null && time != null && !checks.failed("publishDate")) {
            checks.check(() -> {
                throw new InvalidInputException("publishDate", "validation.news.dateForTime");
            });
        }
        checks.throwIfAny();
        Instant at = date == null ? null : date.atTime(time == null ? LocalTime.of(0, 0) : time).atZone(zone).toInstant();
        return new Input(title, body, category, department == null ? null : department.id(),
                department == null ? null : department.displayName(Locale.JAPANESE), at);
    }

    @Transactional
    long create(Actor staff, Map<String, String> form, boolean publish) {
        Input in = read(form);
        Instant now = now();
        requireOwnDepartment(staff, in.departmentId());
        // An item is never published under a date already past: it would sink below newer ones and feed readers miss it.
        Instant publishAt = publish ? (in.publishAt() == null || in.publishAt().isBefore(now) ? now : in.publishAt()) : in.publishAt();
        long id = jdbc.sql("""
                        insert into pub_news (title, body, category, department_id, department_name, status, publish_at, created_by, created_at, updated_at)
                        values (:t, :b, :c, :d, :dn, :s, :p, :by, :now, :now) returning id""")
                .param("t", in.title()).param("b", in.body()).param("c", in.category().name()).param("d", in.departmentId())
                .param("dn", in.departmentName()).param("s", (publish ? Status.PUBLISHED : Status.DRAFT).name())
                .param("p", publishAt == null ? null : Timestamp.from(publishAt)).param("by", staff.accountId())
                .param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record(staff, publish ? "news.publish" : "news.create", "pub_news", id, in.title() + describeTime(publish, publishAt, now));
        reindex(find(id), now);
        return id;
    }

    /** Saves an edit; {@code publish} publishes it (at the time given, or now), otherwise it becomes (or stays) a draft. */
    @Transactional
    void update(long id, Actor staff, Map<String, String> form, boolean publish) {
        NewsItem old = lock(id);
        requireOwnDepartment(staff, old.departmentId());
        requireVersion(old, form.get("version"));
        Input in = read(form);
        requireOwnDepartment(staff, in.departmentId());
        Instant now = now();
        Instant publishAt = in.publishAt() != null ? in.publishAt() : publish ? (old.status() == Status.PUBLISHED && old.publishAt() != null ? old.publishAt() : now) : null;
        if (publish && old.status() != Status.PUBLISHED && publishAt.isBefore(now)) {
            // Published again after a withdrawal, or a draft with a date gone by: it is news now.
            publishAt = now;
        }
        jdbc.sql("""
                        update pub_news set title = :t, body = :b, category = :c, department_id = :d, department_name = :dn, status = :s,
                        publish_at = :p, updated_at = :now, version = version + 1 where id = :id""")
                .param("t", in.title()).param("b", in.body()).param("c", in.category().name()).param("d", in.departmentId())
                .param("dn", in.departmentName()).param("s", (publish ? Status.PUBLISHED : Status.DRAFT).name())
                .param("p", publishAt == null ? null : Timestamp.from(publishAt)).param("now", Timestamp.from(now)).param("id", id).update();
        String action = publish ? (old.status() == Status.PUBLISHED ? "news.edit" : "news.publish") : (old.status() == Status.DRAFT ? "news.edit" : "news.unpublish");
        audit.record(staff, action, "pub_news", id, in.title() + describeTime(publish, publishAt, now));
        reindex(find(id), now);
    }

    /** Withdraws a published item from the public pages, the feed, the open data and the search. */
    @Transactional
    void unpublish(long id, Actor staff, String version) {
        NewsItem old = lock(id);
        requireOwnDepartment(staff, old.departmentId());
        requireVersion(old, version);
        if (old.status() != Status.PUBLISHED) {
            throw new InvalidInputException("version", "validation.news.notPublished");
        }
        jdbc.sql("update pub_news set status = 'UNPUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(now())).param("id", id).update();
        audit.record(staff, "news.unpublish", "pub_news", id, old.title());
        reindex(find(id), now());
    }

    @Transactional
    void delete(long id, Actor staff, String version) {
        NewsItem old = lock(id);
        requireOwnDepartment(staff, old.departmentId());
        requireVersion(old, version);
        jdbc.sql("delete from pub_news where id = :id").param("id", id).update();
        audit.record(staff, "news.delete", "pub_news", id, old.title());
        events.publishEvent(new SearchDocumentRemoved(SEARCH_TYPE, String.valueOf(id)));
    }

    // ---- Search ----

    @Transactional(readOnly = true)
    List<SearchDocument> searchable() {
        return allPublic().stream().map(this::document).toList();
    }

    /** The item's search document while it is public (published and its time has come). */
    @Transactional(readOnly = true)
    java.util.Optional<SearchDocument> searchable(long id) {
        return jdbc.sql("select * from pub_news where id = :id and " + VISIBLE).param("id", id).param("now", Timestamp.from(now()))
                .query(NewsDesk::map).optional().map(this::document);
    }

    /** Puts the items whose publication time has come into the search index; returns how many. */
    @Transactional
    int indexDue() {
        List<NewsItem> due = jdbc.sql("select * from pub_news where " + VISIBLE + " and not indexed order by id for update skip locked")
                .param("now", Timestamp.from(now())).query(NewsDesk::map).list();
        for (NewsItem item : due) {
            events.publishEvent(new SearchDocumentChanged(document(item)));
            jdbc.sql("update pub_news set indexed = true where id = :id").param("id", item.id()).update();
        }
        return due.size();
    }

    SearchDocument document(NewsItem item) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("category", List.of(item.category().name()));
        facets.put("fiscalYear", List.of(String.valueOf(FiscalYear.of(item.publishAt().atZone(zone).toLocalDate()).startYear())));
        String text = String.join("\n", item.body(), item.departmentName() == null ? "" : item.departmentName());
        return new SearchDocument(SEARCH_TYPE, String.valueOf(item.id()), item.title(), text, "/news/" + item.id(), facets, item.lastChange());
    }

    private void reindex(NewsItem item, Instant now) {
        boolean visible = item.visibleAt(now);
        if (visible) {
            events.publishEvent(new SearchDocumentChanged(document(item)));
        } else {
            events.publishEvent(new SearchDocumentRemoved(SEARCH_TYPE, String.valueOf(item.id())));
        }
        jdbc.sql("update pub_news set indexed = :v where id = :id").param("v", visible).param("id", item.id()).update();
    }

    // ---- Helpers ----

    /** Now, to the microsecond that PostgreSQL keeps: an item published "now" must compare as due once read back. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Administrators and the secretariat write any news; other departments' staff only their own department's, so that
     * nobody changes or withdraws another department's notice (a disaster notice of the crisis-management department).
     */
    private void requireOwnDepartment(Actor staff, Long departmentId) {
        if (!(staff instanceof jp.kyodo.accounts.SignedInUser user) || user.has(jp.kyodo.accounts.Role.ADMIN)) {
            return;
        }
        Long own = user.departmentId();
        if (own != null && accounts.department(own).map(DepartmentView::secretariat).orElse(false)) {
            return;
        }
        if (own == null || !own.equals(departmentId)) {
            throw new InvalidInputException("departmentId", "validation.news.ownDepartment");
        }
    }

    private NewsItem lock(long id) {
        jdbc.sql("select id from pub_news where id = :id for update").param("id", id).query(Long.class).optional().orElseThrow(NewsDesk::notFound);
        return find(id);
    }

    private static void requireVersion(NewsItem item, String version) {
        if (version == null || !version.strip().equals(String.valueOf(item.version()))) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private String describeTime(boolean publish, Instant publishAt, Instant now) {
        if (!publish) {
            return "";
        }
        return publishAt.isAfter(now) ? " (scheduled " + publishAt.atZone(zone).toLocalDateTime() + ")" : "";
    }

    private static NewsCategory category(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("category", "validation.news.category");
        }
        try {
            return NewsCategory.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("category", "validation.news.category");
        }
    }

    private DepartmentView department(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return accounts.department(Long.parseLong(raw.strip())).filter(DepartmentView::active)
                    .orElseThrow(() -> new InvalidInputException("departmentId", "validation.news.department"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("departmentId", "validation.news.department");
        }
    }

    private static LocalTime time(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace('：', ':');
        if (s.matches("\\d:\\d\\d")) {
            s = "0" + s;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("publishTime", "validation.news.time");
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static NewsItem map(ResultSet rs, int row) throws SQLException {
        Timestamp publishAt = rs.getTimestamp("publish_at");
        long departmentId = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : departmentId;
        return new NewsItem(rs.getLong("id"), rs.getString("title"), rs.getString("body"), NewsCategory.valueOf(rs.getString("category")),
                department, rs.getString("department_name"), Status.valueOf(rs.getString("status")),
                publishAt == null ? null : publishAt.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
