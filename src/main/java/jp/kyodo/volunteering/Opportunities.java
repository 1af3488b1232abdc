package jp.kyodo.volunteering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.Announcement;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.notifications.NoticeKind;
import jp.kyodo.notifications.Notices;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.search.SearchDocumentRemoved;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Volunteer opportunities (ボランティア募集): a registered group in good standing posts an opportunity with one or more
 * shifts, publishes and closes it; residents apply to a shift with a message and the group accepts, declines or puts
 * them on the waiting list (a shift is never accepted beyond its capacity: its row is locked while deciding). Messages
 * about an application stay in the portal and are announced by e-mail without either side's address.
 */
@Service
class Opportunities {

    static final String SEARCH_TYPE = "opportunity";
    static final int SHIFT_ROWS = 5;

    enum Status { DRAFT, PUBLISHED, CLOSED }

    enum AppStatus { APPLIED, ACCEPTED, DECLINED, WAITLISTED, CANCELLED }

    enum Decision { ACCEPT, DECLINE, WAITLIST }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final SearchIndex search;
    private final ApplicationEventPublisher events;
    private final Notices notices;
    private final int maxApplicationsPerDay;
    private final int maxMessagesPerHour;

    Opportunities(JdbcClient jdbc, Groups groups, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city,
                  PortalUrls links, SearchIndex search, ApplicationEventPublisher events,
                  @Value("${kyodo.volunteering.max-applications-per-day:10}") int maxApplicationsPerDay,
                  @Value("${kyodo.volunteering.max-messages-per-hour:20}") int maxMessagesPerHour, Notices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.groups = groups;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.search = search;
        this.events = events;
        this.maxApplicationsPerDay = maxApplicationsPerDay;
        this.maxMessagesPerHour = maxMessagesPerHour;
    }

    /** An opportunity with its shifts; {@code groupName} and the choices' names are resolved for display. */
    record Opportunity(long id, long groupId, String groupName, String title, String description, String place, String areaCode,
                       String areaName, List<String> fieldCodes, List<String> fieldNames, boolean forBeginners, boolean forFamilies,
                       boolean forStudents, String skills, String accessibility, String toBring, LocalDate applyBy, Status status,
                       Instant hiddenAt, String hiddenReason, Instant updatedAt, long version, List<Shift> shifts) {

        public boolean hidden() {
            return hiddenAt != null;
        }

        /** Whether residents may apply on {@code today}: published, not hidden, before the deadline. */
        public boolean open(LocalDate today) {
            return status == Status.PUBLISHED && !hidden() && !today.isAfter(applyBy);
        }

        public LocalDate firstDay() {
            return shifts.isEmpty() ? applyBy : shifts.getFirst().heldOn();
        }

        public Optional<Shift> shift(long shiftId) {
            return shifts.stream().filter(s -> s.id() == shiftId).findFirst();
        }
    }

    /** A date and time with its capacity and how many are accepted, waiting and still to be decided. */
    record Shift(long id, long opportunityId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, int capacity, int accepted,
                 int waitlisted, int applied) {

        /** E.g. "令和8年7月4日(土) 9:00〜12:00". */
        public String when() {
            return JapaneseDates.format(heldOn) + "(" + heldOn.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ") "
                    + startsAt + "〜" + endsAt;
        }

        public int remaining() {
            return Math.max(0, capacity - accepted);
        }

        /** The shift's length in hours, to the nearest half hour: what the hours confirmation proposes. */
        public BigDecimal defaultHours() {
            long minutes = Duration.between(startsAt, endsAt).toMinutes();
            return BigDecimal.valueOf(Math.round(minutes / 30.0) * 5, 1);
        }
    }

    record Application(long id, long shiftId, long opportunityId, Long accountId, String applicantName, String message, AppStatus status,
                       Instant createdAt, Instant decidedAt, Boolean attended, BigDecimal hours, Instant confirmedAt) {

        /** Attendance and hours confirmed by the group: part of the resident's record. */
        public boolean recorded() {
            return confirmedAt != null && Boolean.TRUE.equals(attended);
        }
    }

    record Message(long id, boolean fromGroup, String senderName, String body, Instant createdAt) {
    }

    /** An application with what it is for, for the pages that list or show one. */
    record Entry(Application application, Opportunity opportunity, Shift shift) {
    }

    /** The public list's filters. */
    record Filter(String q, String field, String area, LocalDate from, LocalDate to, boolean beginners, boolean families, boolean students) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), city.zone());
    }

    boolean started(Shift s) {
        return !now().isBefore(s.heldOn().atTime(s.startsAt()));
    }

    boolean ended(Shift s) {
        return !now().isBefore(s.heldOn().atTime(s.endsAt()));
    }

    // ---- The group ----

    /** The groups the account may post for: those it manages that are in good standing. */
    @Transactional(readOnly = true)
    List<Groups.GroupProfile> postingGroups(long accountId) {
        return groups.managedBy(accountId).stream().filter(Groups.GroupProfile::inGoodStanding).toList();
    }

    @Transactional
    long create(Actor manager, Map<String, String> form, List<String> rawFields) {
        Groups.GroupProfile group = postingGroup(manager.accountId(), form.get("groupId"));
        Set<String> fieldCodes = groups.fields().stream().filter(Choice::active).map(Choice::code).collect(Collectors.toSet());
        Set<String> areaCodes = groups.areas().stream().filter(Choice::active).map(Choice::code).collect(Collectors.toSet());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", form.get("title"), 200));
        String description = checks.check(() -> Inputs.required("description", form.get("description"), 4000));
        String place = checks.check(() -> Inputs.required("place", form.get("place"), 300));
        String area = checks.check(() -> {
            String a = Inputs.required("area", form.get("area"), 40);
            if (!areaCodes.contains(a)) {
                throw new InvalidInputException("area", "validation.required");
            }
            return a;
        });
        List<String> fields = rawFields == null ? List.of() : rawFields.stream().filter(fieldCodes::contains).distinct().toList();
        if (fields.isEmpty()) {
            checks.check(() -> {
                throw new InvalidInputException("fields", "validation.vol.fieldRequired");
            });
        }
        String skills = checks.check(() -> Inputs.optional("skills", form.get("skills"), 1000));
        String accessibility = checks.check(() -> Inputs.optional("accessibility", form.get("accessibility"), 1000));
        String toBring = checks.check(() -> Inputs.optional("toBring", form.get("toBring"), 1000));
        LocalDate applyBy = checks.check(() -> Inputs.requiredDate("applyBy", form.get("applyBy")));
        List<LocalDate> dates = new ArrayList<>();
        List<ShiftInput> shifts = shifts(form, checks, dates);
        if (applyBy != null && !checks.failed("applyBy") && applyBy.isBefore(today())) {
            checks.check(() -> {
                throw new InvalidInputException("applyBy", "validation.vol.past");
            });
        }
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElse(null);
        if (applyBy != null && last != null && applyBy.isAfter(last)) {
            checks.check(() -> {
                throw new InvalidInputException("applyBy", "validation.vol.applyByAfterShifts");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into vol_opportunity (group_id, title, description, place, area_code, for_beginners, for_families, for_students,
                            skills, accessibility, to_bring, apply_by, status, created_by, created_at, updated_at)
                        values (:g, :title, :d, :place, :area, :b, :f, :s, :skills, :acc, :bring, :by, 'DRAFT', :creator, :now, :now)
                        returning id""")
                .param("g", group.id()).param("title", title).param("d", description).param("place", place).param("area", area)
                .param("b", checked(form, "forBeginners")).param("f", checked(form, "forFamilies")).param("s", checked(form, "forStudents"))
                .param("skills", skills).param("acc", accessibility).param("bring", toBring).param("by", applyBy)
                .param("creator", manager.accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        for (String f : fields) {
            jdbc.sql("insert into vol_opportunity_field (opportunity_id, field_code) values (:o, :f)").param("o", id).param("f", f).update();
        }
        for (ShiftInput s : shifts) {
            jdbc.sql("insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity) values (:o, :d, :s, :e, :c)")
                    .param("o", id).param("d", s.heldOn()).param("s", Time.valueOf(s.startsAt())).param("e", Time.valueOf(s.endsAt()))
                    .param("c", s.capacity()).update();
        }
        audit.record(manager, "opportunity.create", "vol_opportunity", id, group.name() + ": " + title);
        return id;
    }

    private record ShiftInput(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, int capacity) {
    }

    /** The shift rows of the form (shift1Date, shift1Start, shift1End, shift1Capacity …); blank rows are skipped. */
    private List<ShiftInput> shifts(Map<String, String> form, InvalidInputException.Checks checks, List<LocalDate> dates) {
        List<ShiftInput> result = new ArrayList<>();
        boolean any = false;
        for (int i = 1; i <= SHIFT_ROWS; i++) {
            String p = "shift" + i;
            if (blank(form.get(p + "Date")) && blank(form.get(p + "Start")) && blank(form.get(p + "End")) && blank(form.get(p + "Capacity"))) {
                continue;
            }
            any = true;
            LocalDate date = checks.check(() -> Inputs.requiredDate(p + "Date", form.get(p + "Date")));
            LocalTime start = checks.check(() -> time(p + "Start", form.get(p + "Start")));
            LocalTime end = checks.check(() -> time(p + "End", form.get(p + "End")));
            Integer capacity = checks.check(() -> {
                Integer c = Inputs.integer(p + "Capacity", form.get(p + "Capacity"), 1, 1000);
                if (c == null) {
                    throw new InvalidInputException(p + "Capacity", "validation.required");
                }
                return c;
            });
            if (date != null) {
                dates.add(date);
            }
            if (date != null && date.isBefore(today())) {
                checks.check(() -> {
                    throw new InvalidInputException(p + "Date", "validation.vol.past");
                });
            }
            if (start != null && end != null && !end.isAfter(start)) {
                checks.check(() -> {
                    throw new InvalidInputException(p + "End", "validation.vol.endsBeforeStarts");
                });
            }
            if (date != null && start != null && end != null && capacity != null && end.isAfter(start)) {
                result.add(new ShiftInput(date, start, end, capacity));
            }
        }
        if (!any) {
            checks.check(() -> {
                throw new InvalidInputException("shift1Date", "validation.vol.shiftRequired");
            });
        }
        result.sort((a, b) -> a.heldOn().atTime(a.startsAt()).compareTo(b.heldOn().atTime(b.startsAt())));
        return result;
    }

    private Groups.GroupProfile postingGroup(long accountId, String rawGroupId) {
        List<Groups.GroupProfile> mine = postingGroups(accountId);
        if (mine.isEmpty()) {
            throw notFound();
        }
        if (mine.size() == 1 && blank(rawGroupId)) {
            return mine.getFirst();
        }
        return mine.stream().filter(g -> String.valueOf(g.id()).equals(rawGroupId == null ? "" : rawGroupId.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("groupId", "validation.vol.groupRequired"));
    }

    @Transactional
    void publish(long id, Actor manager, long version) {
        Opportunity o = lockManaged(id, manager.accountId());
        requireVersion(o, version);
        if (o.status() != Status.DRAFT) {
            throw new InvalidInputException("version", "validation.vol.notDraft");
        }
        if (o.applyBy().isBefore(today())) {
            throw new InvalidInputException("version", "validation.vol.past");
        }
        if (groups.profile(o.groupId()).filter(Groups.GroupProfile::inGoodStanding).isEmpty()) {
            throw new InvalidInputException("version", "validation.vol.groupNotRegistered");
        }
        jdbc.sql("update vol_opportunity set status = 'PUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        Opportunity published = managed(id, manager.accountId());
        if (!published.hidden()) {
            events.publishEvent(new SearchDocumentChanged(document(published)));
            // Followers of the group, its fields or its area hear of it (after commit, through the publication registry).
            List<String> topics = new ArrayList<>(List.of(Announcement.ALL_VOLUNTEERING, Announcement.group(published.groupId())));
            published.fieldCodes().forEach(f -> topics.add(Announcement.field(f)));
            if (published.areaCode() != null) {
                topics.add(Announcement.area(published.areaCode()));
            }
            notices.announce(new Announcement(NoticeKind.VOLUNTEERING, topics, published.title(), "/volunteering/" + id,
                    Announcement.News.NEW_OPPORTUNITY));
        }
        audit.record(manager, "opportunity.publish", "vol_opportunity", id, o.title());
    }

    /** Stops taking applications; the page stays, marked closed, and the decisions and hours go on. */
    @Transactional
    void close(long id, Actor manager, long version) {
        Opportunity o = lockManaged(id, manager.accountId());
        requireVersion(o, version);
        if (o.status() != Status.PUBLISHED) {
            throw new InvalidInputException("version", "validation.vol.notPublished");
        }
        jdbc.sql("update vol_opportunity set status = 'CLOSED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        events.publishEvent(new SearchDocumentRemoved(SEARCH_TYPE, String.valueOf(id)));
        audit.record(manager, "opportunity.close", "vol_opportunity", id, o.title());
    }

    /** The opportunities of every group the account manages, newest first (hidden ones included, marked). */
    @Transactional(readOnly = true)
    List<Opportunity> managedList(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of() : load("where o.group_id in (:g) order by o.created_at desc, o.id desc", Map.of("g", ids));
    }

    /** An opportunity for a manager of its group; anyone else gets "not found". */
    @Transactional(readOnly = true)
    Opportunity managed(long id, long accountId) {
        Opportunity o = load("where o.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Opportunities::notFound);
        if (!groups.manages(o.groupId(), accountId)) {
            throw notFound();
        }
        return o;
    }

    /** Every application to the opportunity, by shift, for its group (names only: no e-mail or phone). */
    @Transactional(readOnly = true)
    List<Application> applications(long id) {
        return applicationsWhere("a.opportunity_id = :o", Map.of("o", id));
    }

    @Transactional(readOnly = true)
    Entry managedApplication(long id, long applicationId, long accountId) {
        Opportunity o = managed(id, accountId);
        Application a = applicationsWhere("a.id = :a and a.opportunity_id = :o", Map.of("a", applicationId, "o", id)).stream().findFirst()
                .orElseThrow(Opportunities::notFound);
        return new Entry(a, o, o.shift(a.shiftId()).orElseThrow());
    }

    /**
     * Accepts, declines or waitlists an application. The shift's row is locked first, so that accepting counts the
     * places under the lock: concurrent acceptances never exceed the capacity.
     */
    @Transactional
    void decide(long id, long applicationId, Actor manager, Decision decision) {
        Entry e = managedApplication(id, applicationId, manager.accountId());
        jdbc.sql("select id from vol_shift where id = :s for update").param("s", e.shift().id()).query(Long.class).single();
        AppStatus current = AppStatus.valueOf(jdbc.sql("select status from vol_application where id = :a").param("a", applicationId)
                .query(String.class).single());
        AppStatus next = switch (decision) {
            case ACCEPT -> {
                if (current != AppStatus.APPLIED && current != AppStatus.WAITLISTED) {
                    throw new InvalidInputException("decision", "validation.vol.notDecidable");
                }
                int accepted = jdbc.sql("select count(*) from vol_application where shift_id = :s and status = 'ACCEPTED'")
                        .param("s", e.shift().id()).query(Integer.class).single();
                if (accepted >= e.shift().capacity()) {
                    throw new InvalidInputException("decision", "validation.vol.shiftFull");
                }
                yield AppStatus.ACCEPTED;
            }
            case DECLINE -> {
                if (current != AppStatus.APPLIED && current != AppStatus.WAITLISTED) {
                    throw new InvalidInputException("decision", "validation.vol.notDecidable");
                }
                yield AppStatus.DECLINED;
            }
            case WAITLIST -> {
                if (current != AppStatus.APPLIED) {
                    throw new InvalidInputException("decision", "validation.vol.notDecidable");
                }
                yield AppStatus.WAITLISTED;
            }
        };
        if (ended(e.shift())) {
            throw new InvalidInputException("decision", "validation.vol.shiftPast");
        }
        Instant now = clock.instant();
        jdbc.sql("update vol_application set status = :s, decided_at = :now, updated_at = :now where id = :a")
                .param("s", next.name()).param("now", Timestamp.from(now)).param("a", applicationId).update();
        Application a = e.application();
        residentEmail(a).ifPresent(to -> mail.send(to, "vol" + switch (next) {
            case ACCEPTED -> "Accepted";
            case DECLINED -> "Declined";
            default -> "Waitlisted";
        }, Locale.JAPANESE, e.opportunity().title(), e.opportunity().groupName(), e.shift().when(), a.applicantName(),
                links.link("/my/volunteering/applications/" + applicationId)));
        if (a.accountId() != null) {
            notices.recordMail(a.accountId(), NoticeKind.VOLUNTEERING, "vol" + switch (next) {
                case ACCEPTED -> "Accepted";
                case DECLINED -> "Declined";
                default -> "Waitlisted";
            }, "/my/volunteering/applications/" + applicationId, e.opportunity().title());
        }
        audit.record(manager, "opportunity.application." + next.name().toLowerCase(Locale.ROOT), "vol_application", applicationId,
                e.opportunity().title() + " / " + e.shift().when() + " / " + a.applicantName());
    }

    /**
     * After a shift: who of those accepted attended, and for how long (half hours; the shift's length by default).
     * Form fields {@code attended_<id>} and {@code hours_<id>} per application.
     */
    @Transactional
    void confirmHours(long id, long shiftId, Actor manager, Map<String, String> form) {
        Opportunity o = managed(id, manager.accountId());
        Shift shift = o.shift(shiftId).orElseThrow(Opportunities::notFound);
        jdbc.sql("select id from vol_shift where id = :s for update").param("s", shiftId).query(Long.class).single();
        if (!ended(shift)) {
            throw new InvalidInputException("hours", "validation.vol.notOverYet");
        }
        List<Application> accepted = applicationsWhere("a.shift_id = :s and a.status = 'ACCEPTED'", Map.of("s", shiftId));
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        for (Application a : accepted) {
            if (checked(form, "attended_" + a.id())) {
                BigDecimal h = checks.check(() -> hours("hours_" + a.id(), form.get("hours_" + a.id())));
                hours.put(a.id(), h);
            } else {
                hours.put(a.id(), null);
            }
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        for (var e : hours.entrySet()) {
            jdbc.sql("update vol_application set attended = :att, hours = :h, confirmed_at = :now, updated_at = :now where id = :a")
                    .param("att", e.getValue() != null).param("h", e.getValue()).param("now", Timestamp.from(now)).param("a", e.getKey())
                    .update();
        }
        long attended = hours.values().stream().filter(v -> v != null).count();
        audit.record(manager, "opportunity.hours", "vol_shift", shiftId, o.title() + " / " + shift.when() + " / " + attended + " attended");
    }

    static BigDecimal hours(String field, String raw) {
        if (blank(raw)) {
            throw new InvalidInputException(field, "validation.vol.hours");
        }
        String s = TextNormalizer.normalizeWidth(raw).strip();
        BigDecimal h;
        try {
            h = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "validation.vol.hours");
        }
        if (h.signum() <= 0 || h.compareTo(BigDecimal.valueOf(24)) > 0 || h.remainder(new BigDecimal("0.5")).signum() != 0) {
            throw new InvalidInputException(field, "validation.vol.hours");
        }
        return h.setScale(1, RoundingMode.UNNECESSARY);
    }

    // ---- The public ----

    /** Published, visible opportunities with a shift still to come, filtered; the keyword goes through the site search. */
    @Transactional(readOnly = true)
    List<Opportunity> publicList(Filter f) {
        StringBuilder where = new StringBuilder("""
                where o.status = 'PUBLISHED' and o.hidden_at is null
                  and exists (select 1 from vol_shift s where s.opportunity_id = o.id and s.held_on >= :today
                      and (cast(:from as date) is null or s.held_on >= :from) and (cast(:to as date) is null or s.held_on <= :to))""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today());
        params.put("from", f.from());
        params.put("to", f.to());
        if (!blank(f.field())) {
            where.append(" and exists (select 1 from vol_opportunity_field x where x.opportunity_id = o.id and x.field_code = :field)");
            params.put("field", f.field());
        }
        if (!blank(f.area())) {
            where.append(" and o.area_code = :area");
            params.put("area", f.area());
        }
        if (f.beginners()) {
            where.append(" and o.for_beginners");
        }
        if (f.families()) {
            where.append(" and o.for_families");
        }
        if (f.students()) {
            where.append(" and o.for_students");
        }
        List<Long> ranked = null;
        if (!blank(f.q())) {
            ranked = searchIds(f.q());
            if (ranked.isEmpty()) {
                return List.of();
            }
            where.append(" and o.id in (:ids)");
            params.put("ids", ranked);
        }
        where.append(" order by o.apply_by, o.id");
        List<Opportunity> found = load(where.toString(), params);
        if (ranked != null) {
            // Best match first, as the search ranked them.
            List<Long> order = ranked;
            found = found.stream().sorted((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id()))).toList();
        }
        return found;
    }

    private List<Long> searchIds(String q) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            SearchResult r = search.search(new SearchQuery(SEARCH_TYPE, q.strip(), Map.of(), SearchQuery.Sort.RELEVANCE, page, 100));
            r.hits().forEach(h -> ids.add(Long.parseLong(h.id())));
            if (!r.hasNext()) {
                break;
            }
        }
        return ids;
    }

    /** A published or closed opportunity that is not hidden; else "not found". */
    @Transactional(readOnly = true)
    Opportunity publicOpportunity(long id) {
        return load("where o.id = :id and o.status <> 'DRAFT' and o.hidden_at is null", Map.of("id", id)).stream().findFirst()
                .orElseThrow(Opportunities::notFound);
    }

    /** Applies to one shift: the group decides later. */
    @Transactional
    long apply(long id, Actor resident, String rawShiftId, String rawMessage) {
        Long shiftId = parseId(rawShiftId);
        if (shiftId == null || jdbc.sql("select id from vol_shift where id = :s and opportunity_id = :o for update").param("s", shiftId)
                .param("o", id).query(Long.class).optional().isEmpty()) {
            publicOpportunity(id);
            throw new InvalidInputException("shiftId", "validation.vol.chooseShift");
        }
        Opportunity o = publicOpportunity(id);
        Shift shift = o.shift(shiftId).orElseThrow(Opportunities::notFound);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        if (!o.open(today())) {
            checks.check(() -> {
                throw new InvalidInputException("shiftId", "validation.vol.deadlinePassed");
            });
        } else if (started(shift)) {
            checks.check(() -> {
                throw new InvalidInputException("shiftId", "validation.vol.shiftPast");
            });
        } else if (jdbc.sql("select count(*) from vol_application where shift_id = :s and account_id = :a and status <> 'CANCELLED'")
                .param("s", shiftId).param("a", resident.accountId()).query(Long.class).single() > 0) {
            checks.check(() -> {
                throw new InvalidInputException("shiftId", "validation.vol.duplicate");
            });
        }
        String message = checks.check(() -> Inputs.optional("message", rawMessage, 2000));
        Instant now = clock.instant();
        long recent = jdbc.sql("select count(*) from vol_application where account_id = :a and created_at > :since")
                .param("a", resident.accountId()).param("since", Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
        if (recent >= maxApplicationsPerDay) {
            checks.check(() -> {
                throw new InvalidInputException("shiftId", "validation.vol.tooManyApplications", maxApplicationsPerDay);
            });
        }
        checks.throwIfAny();
        String name = accounts.find(resident.accountId()).map(AccountSummary::name).orElse(resident.displayName());
        long applicationId = jdbc.sql("""
                        insert into vol_application (shift_id, opportunity_id, account_id, applicant_name, message, status, created_at, updated_at)
                        values (:s, :o, :a, :n, :m, 'APPLIED', :now, :now) returning id""")
                .param("s", shiftId).param("o", id).param("a", resident.accountId()).param("n", name).param("m", message)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        String groupLink = links.link("/my/volunteering/opportunities/" + id + "/applications/" + applicationId);
        for (String to : groups.managerEmails(o.groupId())) {
            mail.send(to, "volApplied", Locale.JAPANESE, o.title(), o.groupName(), shift.when(), name, groupLink);
        }
        accounts.find(resident.accountId()).map(AccountSummary::email).ifPresent(to -> mail.send(to, "volApplyReceipt", Locale.JAPANESE,
                o.title(), o.groupName(), shift.when(), name, links.link("/my/volunteering/applications/" + applicationId)));
        return applicationId;
    }

    /** The resident's applications, newest first. */
    @Transactional(readOnly = true)
    List<Entry> mine(long accountId) {
        List<Application> apps = applicationsWhere("a.account_id = :a", Map.of("a", accountId));
        Map<Long, Opportunity> byId = new LinkedHashMap<>();
        List<Entry> result = new ArrayList<>();
        for (Application a : apps) {
            Opportunity o = byId.computeIfAbsent(a.opportunityId(), k -> load("where o.id = :id", Map.of("id", k)).getFirst());
            result.add(new Entry(a, o, o.shift(a.shiftId()).orElseThrow()));
        }
        result.sort((x, y) -> y.shift().heldOn().compareTo(x.shift().heldOn()));
        return result;
    }

    /** The resident's own application (or "not found"). */
    @Transactional(readOnly = true)
    Entry myApplication(long applicationId, long accountId) {
        Application a = applicationsWhere("a.id = :a and a.account_id = :acc", Map.of("a", applicationId, "acc", accountId)).stream()
                .findFirst().orElseThrow(Opportunities::notFound);
        Opportunity o = load("where o.id = :id", Map.of("id", a.opportunityId())).getFirst();
        return new Entry(a, o, o.shift(a.shiftId()).orElseThrow());
    }

    /** Whether the resident may still cancel: not decided against, and before the shift begins. */
    boolean cancellable(Entry e) {
        AppStatus s = e.application().status();
        return (s == AppStatus.APPLIED || s == AppStatus.ACCEPTED || s == AppStatus.WAITLISTED) && !started(e.shift());
    }

    @Transactional
    void cancelMine(long applicationId, Actor resident) {
        Entry e = myApplication(applicationId, resident.accountId());
        jdbc.sql("select id from vol_shift where id = :s for update").param("s", e.shift().id()).query(Long.class).single();
        Entry fresh = myApplication(applicationId, resident.accountId());
        if (!cancellable(fresh)) {
            throw new InvalidInputException("cancel", "validation.vol.notCancellable");
        }
        Instant now = clock.instant();
        jdbc.sql("update vol_application set status = 'CANCELLED', updated_at = :now where id = :a").param("now", Timestamp.from(now))
                .param("a", applicationId).update();
        String groupLink = links.link("/my/volunteering/opportunities/" + e.opportunity().id() + "/applications/" + applicationId);
        for (String to : groups.managerEmails(e.opportunity().groupId())) {
            mail.send(to, "volCancelled", Locale.JAPANESE, e.opportunity().title(), e.opportunity().groupName(), e.shift().when(),
                    e.application().applicantName(), groupLink);
        }
    }

    // ---- Messages ----

    @Transactional(readOnly = true)
    List<Message> thread(long applicationId) {
        return jdbc.sql("select * from vol_app_message where application_id = :a order by created_at, id").param("a", applicationId)
                .query((rs, i) -> new Message(rs.getLong("id"), rs.getBoolean("from_group"), rs.getString("sender_name"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    /** The resident writes to the group: the group's managers are told by e-mail, without the resident's address. */
    @Transactional
    void messageFromResident(long applicationId, Actor resident, String rawBody) {
        Entry e = myApplication(applicationId, resident.accountId());
        String body = messageBody(resident, rawBody);
        insertMessage(applicationId, false, resident.accountId(), e.application().applicantName(), body);
        String groupLink = links.link("/my/volunteering/opportunities/" + e.opportunity().id() + "/applications/" + applicationId);
        for (String to : groups.managerEmails(e.opportunity().groupId())) {
            mail.send(to, "volMessage", Locale.JAPANESE, e.application().applicantName(), e.opportunity().title(), groupLink);
        }
    }

    /** The group writes to the resident: the resident is told by e-mail, without the group's addresses. */
    @Transactional
    void messageFromGroup(long id, long applicationId, Actor manager, String rawBody) {
        Entry e = managedApplication(id, applicationId, manager.accountId());
        String body = messageBody(manager, rawBody);
        insertMessage(applicationId, true, manager.accountId(), e.opportunity().groupName(), body);
        residentEmail(e.application()).ifPresent(to -> mail.send(to, "volMessage", Locale.JAPANESE, e.opportunity().groupName(),
                e.opportunity().title(), links.link("/my/volunteering/applications/" + applicationId)));
        audit.record(manager, "opportunity.message", "vol_application", applicationId, e.opportunity().title());
    }

    private String messageBody(Actor sender, String rawBody) {
        String body = Inputs.required("body", rawBody, 2000);
        long recent = jdbc.sql("select count(*) from vol_app_message where sender_account_id = :a and created_at > :since")
                .param("a", sender.accountId()).param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Long.class)
                .single();
        if (recent >= maxMessagesPerHour) {
            throw new InvalidInputException("body", "validation.vol.tooManyMessages", maxMessagesPerHour);
        }
        return body;
    }

    private void insertMessage(long applicationId, boolean fromGroup, Long sender, String senderName, String body) {
        jdbc.sql("""
                        insert into vol_app_message (application_id, from_group, sender_account_id, sender_name, body, created_at)
                        values (:a, :g, :s, :n, :b, :now)""")
                .param("a", applicationId).param("g", fromGroup).param("s", sender).param("n", senderName).param("b", body)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    // ---- Search ----

    /** What the site search holds of a published opportunity: public information only. */
    SearchDocument document(Opportunity o) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("field", o.fieldCodes());
        if (o.areaCode() != null) {
            facets.put("area", List.of(o.areaCode()));
        }
        List<String> suits = new ArrayList<>();
        if (o.forBeginners()) {
            suits.add("beginners");
        }
        if (o.forFamilies()) {
            suits.add("families");
        }
        if (o.forStudents()) {
            suits.add("students");
        }
        facets.put("suits", suits);
        String text = String.join("\n", o.description(), o.groupName(), o.place(), nz(o.areaName()), String.join(" ", o.fieldNames()),
                nz(o.skills()), nz(o.toBring()));
        return new SearchDocument(SEARCH_TYPE, String.valueOf(o.id()), o.title(), text, "/volunteering/" + o.id(), facets, o.updatedAt());
    }

    /** Every opportunity the search may find: published and not hidden. */
    @Transactional(readOnly = true)
    List<SearchDocument> searchable() {
        return load("where o.status = 'PUBLISHED' and o.hidden_at is null order by o.id", Map.of()).stream().map(this::document).toList();
    }

    @Transactional(readOnly = true)
    Optional<Opportunity> find(long id) {
        return load("where o.id = :id", Map.of("id", id)).stream().findFirst();
    }

    // ---- Helpers ----

    private Opportunity lockManaged(long id, long accountId) {
        jdbc.sql("select id from vol_opportunity where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(Opportunities::notFound);
        return managed(id, accountId);
    }

    private static void requireVersion(Opportunity o, long version) {
        if (o.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private Optional<String> residentEmail(Application a) {
        return a.accountId() == null ? Optional.empty() : accounts.find(a.accountId()).map(AccountSummary::email);
    }

    private List<Application> applicationsWhere(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select a.* from vol_application a join vol_shift s on s.id = a.shift_id where " + where
                + " order by s.held_on, s.starts_at, a.id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Application(rs.getLong("id"), rs.getLong("shift_id"), rs.getLong("opportunity_id"),
                (Long) rs.getObject("account_id"), rs.getString("applicant_name"), rs.getString("message"),
                AppStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), (Boolean) rs.getObject("attended"),
                rs.getBigDecimal("hours"), rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant())).list();
    }

    private List<Opportunity> load(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select o.* from vol_opportunity o " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        record Row(long id, long groupId, String title, String description, String place, String areaCode, boolean b, boolean f, boolean s,
                   String skills, String accessibility, String toBring, LocalDate applyBy, Status status, Instant hiddenAt, String hiddenReason,
                   Instant updatedAt, long version) {
        }
        List<Row> rows = spec.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("group_id"), rs.getString("title"),
                rs.getString("description"), rs.getString("place"), rs.getString("area_code"), rs.getBoolean("for_beginners"),
                rs.getBoolean("for_families"), rs.getBoolean("for_students"), rs.getString("skills"), rs.getString("accessibility"),
                rs.getString("to_bring"), rs.getDate("apply_by").toLocalDate(), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("hidden_at") == null ? null : rs.getTimestamp("hidden_at").toInstant(), rs.getString("hidden_reason"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> fields = new LinkedHashMap<>();
        jdbc.sql("select opportunity_id, field_code from vol_opportunity_field where opportunity_id in (:ids) order by field_code")
                .param("ids", ids).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> fields.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Shift>> shifts = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.*,
                            (select count(*) from vol_application a where a.shift_id = s.id and a.status = 'ACCEPTED') as accepted,
                            (select count(*) from vol_application a where a.shift_id = s.id and a.status = 'WAITLISTED') as waitlisted,
                            (select count(*) from vol_application a where a.shift_id = s.id and a.status = 'APPLIED') as applied
                        from vol_shift s where s.opportunity_id in (:ids) order by s.held_on, s.starts_at, s.id""")
                .param("ids", ids).query((rs, i) -> new Shift(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getDate("held_on").toLocalDate(),
                        rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(), rs.getInt("capacity"), rs.getInt("accepted"),
                        rs.getInt("waitlisted"), rs.getInt("applied"))).list()
                .forEach(s -> shifts.computeIfAbsent(s.opportunityId(), k -> new ArrayList<>()).add(s));
        Map<String, Choice> fieldChoices = groups.fields().stream().collect(Collectors.toMap(Choice::code, Function.identity(), (a, b) -> a));
        Map<String, Choice> areaChoices = groups.areas().stream().collect(Collectors.toMap(Choice::code, Function.identity(), (a, b) -> a));
        Map<Long, String> groupNames = new LinkedHashMap<>();
        for (Long g : new LinkedHashSet<>(rows.stream().map(Row::groupId).toList())) {
            groupNames.put(g, groups.profile(g).map(Groups.GroupProfile::name).orElse(""));
        }
        return rows.stream().map(r -> {
            List<String> codes = fields.getOrDefault(r.id(), List.of());
            return new Opportunity(r.id(), r.groupId(), groupNames.get(r.groupId()), r.title(), r.description(), r.place(), r.areaCode(),
                    r.areaCode() == null || !areaChoices.containsKey(r.areaCode()) ? null : areaChoices.get(r.areaCode()).name(), List.copyOf(codes),
                    codes.stream().map(c -> fieldChoices.containsKey(c) ? fieldChoices.get(c).name() : c).toList(), r.b(), r.f(), r.s(),
                    r.skills(), r.accessibility(), r.toBring(), r.applyBy(), r.status(), r.hiddenAt(), r.hiddenReason(), r.updatedAt(),
                    r.version(), List.copyOf(shifts.getOrDefault(r.id(), List.of())));
        }).toList();
    }

    static LocalTime time(String field, String raw) {
        if (blank(raw)) {
            throw new InvalidInputException(field, "validation.required");
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace('：', ':').replace("時", ":").replace("分", "");
        if (s.endsWith(":")) {
            s = s + "00";
        }
        if (!s.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
            throw new InvalidInputException(field, "validation.vol.time");
        }
        String[] parts = s.split(":");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    static Long parseId(String raw) {
        if (blank(raw) || !raw.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(raw.strip());
    }

    private static boolean checked(Map<String, String> form, String name) {
        String v = form.get(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
