package jp.kyodo.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.search.SearchDocumentRemoved;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.PostalCode;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The registration programme: a group's people fill in the application step by step and submit it; the
 * secretariat approves it (issuing the number and validity), returns it for correction, or refuses it.
 * Every step goes to the group's history and the audit log, and both sides are told by e-mail.
 */
@Service
class GroupRegistry {

    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 4000;
    static final int MAX_FILES_PER_KIND = 5;

    private final CivicGroups groups;
    private final GroupMembers members;
    private final GroupHistory history;
    private final GroupDocuments documents;
    private final ReferenceData reference;
    private final RegistrySettings settings;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final jakarta.persistence.EntityManager entityManager;
    private final Clock clock;
    private final CityProfile city;
    private final ApplicationEventPublisher events;
    private final PdfDocuments pdf;
    private final GroupConsents consents;
    private final jp.kyodo.notifications.Notices notices;

    GroupRegistry(CivicGroups groups, GroupMembers members, GroupHistory history, GroupDocuments documents,
                  ReferenceData reference, RegistrySettings settings, Accounts accounts, MailOutbox mail, AuditLog audit,
                  JdbcClient jdbc, Clock clock, CityProfile city, ApplicationEventPublisher events,
                  PdfDocuments pdf, GroupConsents consents, jp.kyodo.notifications.Notices notices,
                  jakarta.persistence.EntityManager entityManager) {
        this.notices = notices;
        this.entityManager = entityManager;
        this.groups = groups;
        this.members = members;
        this.history = history;
        this.documents = documents;
        this.reference = reference;
        this.settings = settings;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.city = city;
        this.events = events;
        this.pdf = pdf;
        this.consents = consents;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    // ---- The applicant's side ----

    @Transactional
    long start(Actor actor, String rawType, String rawName, String rawKana) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        GroupType type = checks.check(() -> type(rawType));
        String name = checks.check(() -> required("name", rawName, NAME_MAX));
        String kana = checks.check(() -> kana("nameKana", rawKana));
        checks.throwIfAny();
        Instant now = clock.instant();
        CivicGroup group = groups.save(CivicGroup.draft(type, name, kana, actor.accountId(), now));
        members.save(new GroupMember(group.id(), actor.accountId(), GroupRole.STAFF, now));
        log(group, actor, "created", null);
        audit.record("group.draft", "civic_group", group.id(), null);
        return group.id();
    }

    @Transactional(readOnly = true)
    List<MyGroup> myGroups(long accountId) {
        List<MyGroup> mine = new ArrayList<>();
        for (GroupMember m : members.findByAccountId(accountId)) {
            groups.findById(m.groupId()).ifPresent(g -> mine.add(new MyGroup(view(g), m.role())));
        }
        mine.sort(Comparator.comparing(m -> m.group().name()));
        return mine;
    }

    /** A group for one of its managing people; anyone else gets "not found", so ids reveal nothing. */
    @Transactional(readOnly = true)
    GroupView forManager(long groupId, long accountId) {
        return view(managed(groupId, accountId));
    }

    /** Basic information as checked: every refused field is reported at once. */
    record Basics(GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount, String membershipFee,
                  String areaCode) {
    }

    /** Activities as checked. */
    record Activities(Set<String> fieldCodes, String purpose, String activities, String website, String socialLinks,
                      String meetingPlace, String meetingTimes, boolean welcomesMembers, boolean welcomesVolunteers) {
    }

    /** The representative and the contact person as checked. */
    record People(Person representative, Person contact) {
    }

    Basics checkBasics(String rawType, String rawName, String rawKana, String rawFounded, String rawMembers, String rawFee,
                       String rawArea) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        GroupType type = checks.check(() -> type(rawType));
        String name = checks.check(() -> required("name", rawName, NAME_MAX));
        String kana = checks.check(() -> kana("nameKana", rawKana));
        LocalDate founded = checks.check(() -> pastDate("foundedOn", rawFounded));
        Integer count = checks.check(() -> positive("membersCount", rawMembers));
        String fee = checks.check(() -> optional("membershipFee", rawFee, 200));
        String area = checks.check(() -> area(rawArea));
        checks.throwIfAny();
        return new Basics(type, name, kana, founded, count, fee, area);
    }

    Activities checkActivities(Set<String> rawFields, String rawPurpose, String rawActivities, String rawWebsite, String rawSocial,
                               String rawPlace, String rawTimes, boolean welcomesMembers, boolean welcomesVolunteers) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Set<String> fields = checks.check(() -> fields(rawFields));
        String purpose = checks.check(() -> required("purpose", rawPurpose, TEXT_MAX));
        String activities = checks.check(() -> required("activities", rawActivities, TEXT_MAX));
        String website = checks.check(() -> url("website", rawWebsite));
        String social = checks.check(() -> optional("socialLinks", rawSocial, 1000));
        String place = checks.check(() -> optional("meetingPlace", rawPlace, 300));
        String times = checks.check(() -> optional("meetingTimes", rawTimes, 300));
        checks.throwIfAny();
        return new Activities(fields, purpose, activities, website, social, place, times, welcomesMembers, welcomesVolunteers);
    }

    People checkPeople(PersonInput representative, PersonInput contact) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Person rep = checks.check(() -> person("rep", representative));
        Person con = checks.check(() -> person("contact", contact));
        checks.throwIfAny();
        return new People(rep, con);
    }

    @Transactional
    void saveBasics(long groupId, Actor actor, long version, String rawType, String rawName, String rawKana, String rawFounded,
                    String rawMembers, String rawFee, String rawArea) {
        CivicGroup group = editable(groupId, actor, version);
        Basics b = checkBasics(rawType, rawName, rawKana, rawFounded, rawMembers, rawFee, rawArea);
        group.editBasics(b.type(), b.name(), b.nameKana(), b.foundedOn(), b.membersCount(), b.membershipFee(), b.areaCode(),
                clock.instant());
    }

    @Transactional
    void saveActivities(long groupId, Actor actor, long version, Set<String> rawFields, String rawPurpose, String rawActivities,
                        String rawWebsite, String rawSocial, String rawPlace, String rawTimes, boolean welcomesMembers,
                        boolean welcomesVolunteers) {
        CivicGroup group = editable(groupId, actor, version);
        Activities a = checkActivities(rawFields, rawPurpose, rawActivities, rawWebsite, rawSocial, rawPlace, rawTimes,
                welcomesMembers, welcomesVolunteers);
        group.editActivities(a.fieldCodes(), a.purpose(), a.activities(), a.website(), a.socialLinks(), a.meetingPlace(),
                a.meetingTimes(), a.welcomesMembers(), a.welcomesVolunteers(), clock.instant());
    }

    @Transactional
    void savePeople(long groupId, Actor actor, long version, PersonInput representative, PersonInput contact) {
        CivicGroup group = editable(groupId, actor, version);
        People p = checkPeople(representative, contact);
        group.editPeople(p.representative(), p.contact(), clock.instant());
    }

    @Transactional
    void upload(long groupId, Actor actor, String rawKind, String filename, byte[] content) {
        CivicGroup group = editable(groupId, actor, null);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        DocumentKind kind = checks.check(() -> {
            try {
                return DocumentKind.valueOf(rawKind);
            } catch (RuntimeException e) {
                throw new InvalidInputException("kind", "validation.required");
            }
        });
        String type = checks.check(() -> fileType(content));
        checks.throwIfAny();
        if (documents.list(group.id()).stream().filter(d -> d.kind() == kind).count() >= MAX_FILES_PER_KIND) {
            throw new InvalidInputException("file", "validation.file.tooMany", MAX_FILES_PER_KIND);
        }
        String name = jp.kyodo.shared.FileTypes.safeFilename(filename, "document");
        long id = documents.save(group.id(), kind, name.length() > 255 ? name.substring(0, 255) : name, type, content,
                actor.accountId(), clock.instant());
        audit.record("group.document.upload", "civic_group", group.id(), kind + " #" + id);
    }

    @Transactional
    void removeDocument(long groupId, Actor actor, long documentId) {
        CivicGroup group = editable(groupId, actor, null);
        // A document id of another group (or none) is not found here, rather than reported as deleted.
        if (!documents.delete(group.id(), documentId)) {
            throw notFound();
        }
        audit.record("group.document.delete", "civic_group", group.id(), "#" + documentId);
    }

    @Transactional
    void documentsDone(long groupId, Actor actor, long version) {
        editable(groupId, actor, version).documentsDone(clock.instant());
    }

    /** Submits the application once every rule is met; each unmet rule is reported next to its part of the form. */
    @Transactional
    void submit(long groupId, Actor actor, long version, boolean activeInCity, boolean noPolitical, boolean noReligious,
                boolean noAntisocial) {
        CivicGroup group = editable(groupId, actor, version);
        Instant now = clock.instant();
        group.declare(activeInCity, noPolitical, noReligious, noAntisocial, now);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        checks.check(() -> eligible(group));
        checks.throwIfAny();
        boolean resubmission = group.status() == GroupStatus.RETURNED;
        group.submit(now);
        log(group, actor, resubmission ? "resubmitted" : "submitted", null);
        consents.requestWhereNeeded(group, actor, actor.accountId());
        audit.record(resubmission ? "group.resubmit" : "group.submit", "civic_group", group.id(), null);
        Locale locale = LocaleContextHolder.getLocale();
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupSubmitted", locale, group.name());
        }
        for (String email : accounts.secretariatEmails()) {
            mail.send(email, "groupSubmittedStaff", Locale.JAPANESE, group.name(), String.valueOf(group.id()));
        }
    }

    // ---- The secretariat's side ----

    /** Whether a staff member keeps the registry: the secretariat's staff or an administrator, not other departments. */
    boolean keepsRegistry(SignedInUser user) {
        return user != null && (user.has(Role.ADMIN) || user.departmentId() != null
                && accounts.department(user.departmentId()).map(DepartmentView::secretariat).orElse(false));
    }

    @Transactional(readOnly = true)
    List<GroupView> forStaff(GroupStatus status) {
        List<CivicGroup> found = status == null ? groups.findAll() : groups.findAll(
                (root, q, cb) -> cb.equal(root.get("status"), status));
        return found.stream().sorted(Comparator.comparing(CivicGroup::updatedAt).reversed()).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    GroupView forStaff(long groupId) {
        return view(groups.findById(groupId).orElseThrow(GroupRegistry::notFound));
    }

    @Transactional
    String approve(long groupId, Actor staff, long version) {
        CivicGroup group = decided(groupId, version);
        LocalDate today = today();
        String number = issueNumber(FiscalYear.of(today));
        LocalDate validUntil = validUntil(today);
        group.approve(number, today, validUntil, clock.instant());
        log(group, staff, "approved", number);
        events.publishEvent(new SearchDocumentChanged(GroupSearchSource.document(publicView(group))));
        audit.record(staff, "group.approve", "civic_group", group.id(), number);
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupApproved", LocaleContextHolder.getLocale(), group.name(), number, JapaneseDates.format(validUntil));
        }
        noticeManagers(group, "groupApproved", group.name(), number, JapaneseDates.format(validUntil));
        tellSecretariat(group, staff, "approved");
        return number;
    }

    @Transactional
    void returnForCorrection(long groupId, Actor staff, long version, String rawMessage) {
        String message = required("message", rawMessage, TEXT_MAX);
        CivicGroup group = decided(groupId, version);
        group.returnForCorrection(message, clock.instant());
        log(group, staff, "returned", message);
        audit.record(staff, "group.return", "civic_group", group.id(), null);
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupReturned", LocaleContextHolder.getLocale(), group.name(), message);
        }
        noticeManagers(group, "groupReturned", group.name(), message);
        tellSecretariat(group, staff, "returned");
    }

    @Transactional
    void refuse(long groupId, Actor staff, long version, String rawReason) {
        String reason = required("message", rawReason, TEXT_MAX);
        CivicGroup group = decided(groupId, version);
        group.refuse(reason, clock.instant());
        log(group, staff, "refused", reason);
        audit.record(staff, "group.refuse", "civic_group", group.id(), null);
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupRefused", LocaleContextHolder.getLocale(), group.name(), reason);
        }
        noticeManagers(group, "groupRefused", group.name(), reason);
        tellSecretariat(group, staff, "refused");
    }

    /** The steps the public may see on a group's page: no names, no messages, newest first. */
    static final java.util.Set<String> PUBLIC_EVENTS = java.util.Set.of("approved", "imported", "renewed", "changed", "changeAccepted");

    @Transactional(readOnly = true)
    List<PublicActivity> publicActivity(long groupId, int limit) {
        return history.findByGroupIdOrderByOccurredAtAscIdAsc(groupId).reversed().stream()
                .filter(h -> PUBLIC_EVENTS.contains(h.event()))
                .map(h -> new PublicActivity(h.occurredAt(), "changeAccepted".equals(h.event()) ? "changed" : h.event()))
                .limit(limit).toList();
    }

    /** A step of a group's public history. */
    public record PublicActivity(Instant occurredAt, String event) {
    }

    @Transactional(readOnly = true)
    List<HistoryLine> history(long groupId) {
        return history.findByGroupIdOrderByOccurredAtAscIdAsc(groupId).stream()
                .map(h -> new HistoryLine(h.occurredAt(), h.actorName(), h.event(), h.message())).toList();
    }

    @Transactional(readOnly = true)
    List<GroupDocuments.Info> documents(long groupId) {
        return documents.list(groupId);
    }

    @Transactional(readOnly = true)
    Optional<GroupDocuments.Stored> document(long groupId, long documentId) {
        return documents.content(groupId, documentId);
    }

    /** The next registration number of a fiscal year; the counter row's lock keeps two approvals from sharing one. */
    String issueNumber(FiscalYear fiscalYear) {
        while (true) {
            int sequence = jdbc.sql("""
                            insert into registration_counter (fiscal_year, last_number) values (:fy, 1)
                            on conflict (fiscal_year) do update set last_number = registration_counter.last_number + 1
                            returning last_number""")
                    .param("fy", fiscalYear.startYear()).query(Integer.class).single();
            String number = settings.number(fiscalYear.startYear(), sequence);
            // A number taken by an imported registration is skipped, never issued twice.
            if (!groups.existsByRegistrationNumber(number)) {
                return number;
            }
        }
    }

    /** Registered on a date, valid until 31 March of the last fiscal year of the validity (a setting). */
    LocalDate validUntil(LocalDate registeredOn) {
        FiscalYear fy = FiscalYear.of(registeredOn);
        for (int i = 1; i < settings.validityFiscalYears(); i++) {
            fy = fy.next();
        }
        return fy.end();
    }

    /** Expires every registration whose validity ended before the given day; returns how many. */
    @Transactional
    int expireOverdue(LocalDate today) {
        // A renewal requested in time but not yet accepted keeps the registration alive until the secretariat decides.
        List<CivicGroup> overdue = groups.findAll((root, q, cb) -> cb.and(
                cb.equal(root.get("status"), GroupStatus.REGISTERED), cb.lessThan(root.get("validUntil"), today),
                cb.isNull(root.get("renewalRequestedAt"))));
        for (CivicGroup group : overdue) {
            expire(group);
            for (String email : managerEmails(group.id())) {
                mail.send(email, "groupExpired", Locale.JAPANESE, group.name(), group.registrationNumber());
            }
        }
        if (!overdue.isEmpty()) {
            // One summary for the secretariat, however many registrations ended that night.
            String list = String.join("\n", overdue.stream().map(g -> "・" + g.name() + "(" + g.registrationNumber() + ")").toList());
            for (String email : accounts.secretariatEmails()) {
                mail.send(email, "groupsExpiredStaff", Locale.JAPANESE, overdue.size(), list);
            }
        }
        return overdue.size();
    }

    // ---- Renewal, dissolution, cancellation ----

    /** The renewal window: from the set day (default 1 February) of the validity's last fiscal year to its end. */
    boolean renewalOpen(CivicGroup g, LocalDate today) {
        if (g.status() != GroupStatus.REGISTERED || g.validUntil() == null) {
            return false;
        }
        return !today.isBefore(renewalOpens(g.validUntil())) && !today.isAfter(g.validUntil());
    }

    LocalDate renewalOpens(LocalDate validUntil) {
        LocalDate opens = settings.renewalOpens().atYear(validUntil.getYear());
        return opens.isAfter(validUntil) ? opens.minusYears(1) : opens;
    }

    @Transactional
    void requestRenewal(long groupId, Actor actor, long version) {
        CivicGroup group = managed(groupId, actor.accountId());
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (!renewalOpen(group, today())) {
            throw new InvalidInputException("version", "validation.group.renewalClosed");
        }
        if (group.renewalRequestedAt() != null) {
            throw new InvalidInputException("version", "validation.group.renewalRequested");
        }
        group.requestRenewal(clock.instant());
        log(group, actor, "renewalRequested", null);
        audit.record("group.renewal.request", "civic_group", group.id(), null);
        for (String email : accounts.secretariatEmails()) {
            mail.send(email, "groupRenewalStaff", Locale.JAPANESE, group.name(), String.valueOf(group.id()));
        }
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupRenewalRequested", LocaleContextHolder.getLocale(), group.name());
        }
    }

    /** Extends the validity by the set number of fiscal years after the current one ends. */
    @Transactional
    void acceptRenewal(long groupId, Actor staff, long version) {
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        if (group.status() != GroupStatus.REGISTERED || group.renewalRequestedAt() == null) {
            throw new InvalidInputException("version", "validation.group.noRenewal");
        }
        LocalDate extended = validUntil(group.validUntil().plusDays(1));
        group.acceptRenewal(extended, clock.instant());
        log(group, staff, "renewed", JapaneseDates.format(extended));
        audit.record(staff, "group.renewal.accept", "civic_group", group.id(), extended.toString());
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupRenewed", LocaleContextHolder.getLocale(), group.name(), JapaneseDates.format(extended));
        }
        tellSecretariat(group, staff, "renewed");
    }

    /**
     * The secretariat does not renew (the group no longer meets the conditions, say): the request is closed with a
     * reason, and a registration whose validity has already ended expires at once.
     */
    @Transactional
    void refuseRenewal(long groupId, Actor staff, long version, String rawReason) {
        String reason = required("message", rawReason, TEXT_MAX);
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        if (group.status() != GroupStatus.REGISTERED || group.renewalRequestedAt() == null) {
            throw new InvalidInputException("version", "validation.group.noRenewal");
        }
        group.refuseRenewal(reason, clock.instant());
        log(group, staff, "renewalRefused", reason);
        audit.record(staff, "group.renewal.refuse", "civic_group", group.id(), null);
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupRenewalRefused", LocaleContextHolder.getLocale(), group.name(), reason,
                    JapaneseDates.format(group.validUntil()));
        }
        tellSecretariat(group, staff, "renewalRefused");
        if (group.validUntil().isBefore(today())) {
            expire(group);
        }
    }

    /** Reminds the people of groups in their renewal window: when it opens, and again two weeks before the end. */
    @Transactional
    int remindRenewals(LocalDate today) {
        int sent = 0;
        List<CivicGroup> registered = groups.findAll((root, q, cb) -> cb.and(
                cb.equal(root.get("status"), GroupStatus.REGISTERED), cb.isNull(root.get("renewalRequestedAt"))));
        for (CivicGroup g : registered) {
            if (!renewalOpen(g, today)) {
                continue;
            }
            LocalDate lastCall = g.validUntil().minusDays(14);
            LocalDate reminded = g.renewalRemindedOn();
            boolean first = reminded == null || reminded.isBefore(renewalOpens(g.validUntil()));
            boolean second = !today.isBefore(lastCall) && (reminded == null || reminded.isBefore(lastCall));
            if (first || second) {
                for (String email : managerEmails(g.id())) {
                    mail.send(email, "groupRenewalReminder", Locale.JAPANESE, g.name(), JapaneseDates.format(g.validUntil()));
                }
                g.remindedOfRenewal(today);
                sent++;
            }
        }
        return sent;
    }

    @Transactional
    void dissolve(long groupId, Actor actor, long version, String rawReason) {
        String reason = required("message", rawReason, TEXT_MAX);
        CivicGroup group = managed(groupId, actor.accountId());
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (group.status() != GroupStatus.REGISTERED) {
            throw new InvalidInputException("version", "validation.group.notRegistered");
        }
        group.dissolve(reason, clock.instant());
        log(group, actor, "dissolved", reason);
        audit.record("group.dissolve", "civic_group", group.id(), null);
        events.publishEvent(new SearchDocumentRemoved(GroupSearchSource.TYPE, String.valueOf(group.id())));
        for (String email : accounts.secretariatEmails()) {
            mail.send(email, "groupDissolvedStaff", Locale.JAPANESE, group.name(), group.registrationNumber(), reason);
        }
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupDissolved", LocaleContextHolder.getLocale(), group.name(), group.registrationNumber());
        }
    }

    @Transactional
    void cancel(long groupId, Actor staff, long version, String rawReason) {
        String reason = required("message", rawReason, TEXT_MAX);
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        if (group.status() != GroupStatus.REGISTERED) {
            throw new InvalidInputException("version", "validation.group.notRegistered");
        }
        group.cancel(reason, clock.instant());
        log(group, staff, "cancelled", reason);
        audit.record(staff, "group.cancel", "civic_group", group.id(), null);
        events.publishEvent(new SearchDocumentRemoved(GroupSearchSource.TYPE, String.valueOf(group.id())));
        for (String email : managerEmails(group.id())) {
            mail.send(email, "groupCancelled", LocaleContextHolder.getLocale(), group.name(), reason);
        }
        tellSecretariat(group, staff, "cancelled");
    }

    /** How many registrations ending this fiscal year the statistics page lists (soonest first); the rest are counted. */
    static final int EXPIRING_SHOWN = 100;

    /**
     * Counts of listed groups by type, field and area, and the registrations ending this fiscal year: counted by the
     * database, so the page's work does not grow with the registry.
     */
    @Transactional(readOnly = true)
    Statistics statistics() {
        LocalDate today = today();
        String listedWhere = "g.status = 'REGISTERED' and g.valid_until >= :today";
        long listed = jdbc.sql("select count(*) from civic_group g where " + listedWhere).param("today", today).query(Long.class).single();
        Map<GroupType, Long> byType = new java.util.EnumMap<>(GroupType.class);
        for (GroupType t : GroupType.values()) {
            byType.put(t, 0L);
        }
        jdbc.sql("select g.type, count(*) from civic_group g where " + listedWhere + " group by g.type").param("today", today)
                .query((rs, i) -> byType.put(GroupType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        Map<String, Long> fieldCounts = new java.util.HashMap<>();
        jdbc.sql("select f.field_code, count(*) from civic_group_field f join civic_group g on g.id = f.group_id where " + listedWhere
                        + " group by f.field_code").param("today", today)
                .query((rs, i) -> fieldCounts.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> byField = new java.util.LinkedHashMap<>();
        for (Choice f : reference.fields()) {
            byField.put(f.name(), fieldCounts.getOrDefault(f.code(), 0L));
        }
        Map<String, Long> areaCounts = new java.util.HashMap<>();
        jdbc.sql("select g.area_code, count(*) from civic_group g where " + listedWhere + " and g.area_code is not null group by g.area_code")
                .param("today", today).query((rs, i) -> areaCounts.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> byArea = new java.util.LinkedHashMap<>();
        for (Choice a : reference.areas()) {
            byArea.put(a.name(), areaCounts.getOrDefault(a.code(), 0L));
        }
        LocalDate fyEnd = FiscalYear.of(today).end();
        org.springframework.data.jpa.domain.Specification<CivicGroup> expiringSpec = (root, q, cb) -> cb.and(
                cb.equal(root.get("status"), GroupStatus.REGISTERED), cb.lessThanOrEqualTo(root.get("validUntil"), fyEnd));
        var expiring = groups.findAll(expiringSpec, org.springframework.data.domain.PageRequest.of(0, EXPIRING_SHOWN,
                org.springframework.data.domain.Sort.by("validUntil", "id")));
        return new Statistics(listed, byType, byField, byArea, expiring.getContent().stream().map(this::view).toList(),
                expiring.getTotalElements());
    }

    /** The registry in figures, for the secretariat. */
    public record Statistics(long listed, Map<GroupType, Long> byType, Map<String, Long> byField, Map<String, Long> byArea,
                             List<GroupView> expiringThisYear, long expiringTotal) {
    }

    /** A registration not renewed in time leaves the directory; its record and history stay. */
    @Transactional
    void expire(CivicGroup group) {
        group.expire(clock.instant());
        log(group, null, "expired", null);
        events.publishEvent(new SearchDocumentRemoved(GroupSearchSource.TYPE, String.valueOf(group.id())));
        audit.record("group.expire", "civic_group", group.id(), group.registrationNumber());
    }

    /** The registration certificate (登録証) of a registered group, as a PDF in the reader's language. */
    @Transactional(readOnly = true)
    byte[] certificate(GroupView group, Locale locale) {
        if (group.status() != GroupStatus.REGISTERED) {
            throw notFound();
        }
        // An official document: always in Japanese, whatever language the reader browses in.
        return pdf.render("groups/pdf/certificate", Map.of("group", group, "issuedOn", today()), Locale.JAPANESE);
    }

    // ---- The public directory ----

    @Transactional(readOnly = true)
    List<PublicGroup> listed() {
        LocalDate today = today();
        return groups.findAll((root, q, cb) -> cb.equal(root.get("status"), GroupStatus.REGISTERED)).stream()
                .filter(g -> g.listedOn(today))
                .sorted(Comparator.comparing(g -> g.nameKana() == null ? g.name() : g.nameKana()))
                .map(this::publicView).toList();
    }

    /** Groups read per batch by {@link #listedInBatches()}. */
    static final int BATCH = 500;

    /**
     * Every listed group, read a batch at a time by id and let go after each batch, so that a whole registry (a
     * prefecture's, a nation's) never sits in memory at once: for rebuilding the search index. Call inside a
     * (read-only) transaction; the stream is lazy.
     */
    java.util.stream.Stream<PublicGroup> listedInBatches() {
        LocalDate today = today();
        return java.util.stream.Stream.iterate(listedIdsAfter(0L, today), ids -> !ids.isEmpty(), ids -> listedIdsAfter(ids.getLast(), today))
                .flatMap(ids -> {
                    List<PublicGroup> batch = listed(ids);
                    entityManager.clear();
                    return batch.stream();
                });
    }

    private List<Long> listedIdsAfter(long after, LocalDate today) {
        return jdbc.sql("select id from civic_group where status = 'REGISTERED' and valid_until >= :today and id > :after order by id limit :n")
                .param("today", today).param("after", after).param("n", BATCH).query(Long.class).list();
    }

    /** The listed groups among these ids, in the given order, read in one query. */
    @Transactional(readOnly = true)
    List<PublicGroup> listed(List<Long> ids) {
        LocalDate today = today();
        Map<Long, CivicGroup> found = new java.util.HashMap<>();
        groups.findAllById(ids).forEach(g -> found.put(g.id(), g));
        return ids.stream().map(found::get).filter(g -> g != null && g.listedOn(today)).map(this::publicView).toList();
    }

    @Transactional(readOnly = true)
    Optional<PublicGroup> listed(long groupId) {
        LocalDate today = today();
        return groups.findById(groupId).filter(g -> g.listedOn(today)).map(this::publicView);
    }

    // ---- Rules ----

    private void eligible(CivicGroup g) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        if (g.name() == null || g.membersCount() == null || g.areaCode() == null) {
            checks.check(() -> fail("step1", "validation.group.stepIncomplete"));
        } else if (g.membersCount() < settings.minMembers()) {
            checks.check(() -> fail("step1", "validation.group.members", settings.minMembers()));
        }
        if (g.fieldCodes().isEmpty() || g.purpose() == null) {
            checks.check(() -> fail("step2", "validation.group.stepIncomplete"));
        }
        if (g.representative() == null || !g.representative().complete() || g.contact() == null || !g.contact().complete()) {
            checks.check(() -> fail("step3", "validation.group.stepIncomplete"));
        }
        Set<DocumentKind> missing = EnumSet.allOf(DocumentKind.class);
        missing.removeAll(documents.kindsPresent(g.id()));
        if (!missing.isEmpty()) {
            checks.check(() -> fail("step4", "validation.group.documents"));
        }
        if (!g.declaresActiveInCity()) {
            checks.check(() -> fail("declaresActiveInCity", "validation.group.declaration"));
        }
        if (!g.declaresNoPolitical()) {
            checks.check(() -> fail("declaresNoPolitical", "validation.group.declaration"));
        }
        if (!g.declaresNoReligious()) {
            checks.check(() -> fail("declaresNoReligious", "validation.group.declaration"));
        }
        if (!g.declaresNoAntisocial()) {
            checks.check(() -> fail("declaresNoAntisocial", "validation.group.declaration"));
        }
        checks.throwIfAny();
    }

    private static Void fail(String field, String key, Object... args) {
        throw new InvalidInputException(field, key, args);
    }

    private static GroupType type(String raw) {
        try {
            return GroupType.valueOf(raw);
        } catch (RuntimeException e) {
            throw new InvalidInputException("type", "validation.group.type");
        }
    }

    static String required(String field, String raw, int max) {
        return jp.kyodo.shared.Inputs.required(field, raw, max);
    }

    static String optional(String field, String raw, int max) {
        return jp.kyodo.shared.Inputs.optional(field, raw, max);
    }

    static String kana(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String kana = TextNormalizer.furigana(raw);
        if (!TextNormalizer.isKatakanaReading(kana)) {
            throw new InvalidInputException(field, "validation.furigana");
        }
        if (kana.length() > NAME_MAX) {
            throw new InvalidInputException(field, "validation.tooLong", NAME_MAX);
        }
        return kana;
    }

    private LocalDate pastDate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date = JapaneseDates.tryParse(raw).orElseThrow(() -> new InvalidInputException(field, "validation.date"));
        if (date.isAfter(today())) {
            throw new InvalidInputException(field, "validation.date.future");
        }
        return date;
    }

    private static Integer positive(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        try {
            int n = Integer.parseInt(TextNormalizer.normalizeWidth(raw).replace(",", "").replace("人", "").strip());
            if (n < 1 || n > 1_000_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "validation.number");
        }
    }

    private String area(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("areaCode", "validation.required");
        }
        return reference.area(raw).filter(Choice::active).map(Choice::code)
                .orElseThrow(() -> new InvalidInputException("areaCode", "validation.required"));
    }

    private Set<String> fields(Set<String> raw) {
        Map<String, Choice> known = reference.fieldsByCode();
        Set<String> chosen = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().filter(code -> known.containsKey(code) && known.get(code).active()).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException("fieldCodes", "validation.group.fields");
        }
        return chosen;
    }

    private static String url(String field, String raw) {
        String value = optional(field, raw, 500);
        if (value != null && !value.matches("(?i)https?://[^\\s<>\"]+")) {
            throw new InvalidInputException(field, "validation.url");
        }
        return value;
    }

    private Person person(String prefix, PersonInput in) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> required(prefix + ".name", in.name(), 100));
        String kana = checks.check(() -> kana(prefix + ".nameKana", in.nameKana()));
        PostalCode postal = checks.check(() -> {
            if (in.postalCode() == null || in.postalCode().isBlank()) {
                return null;
            }
            try {
                return PostalCode.parse(in.postalCode());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(prefix + ".postalCode", "validation.postalCode");
            }
        });
        String address = checks.check(() -> optional(prefix + ".address", in.address() == null ? null : TextNormalizer.normalizeWidth(in.address()), 255));
        PhoneNumber phone = checks.check(() -> {
            if (in.phone() == null || in.phone().isBlank()) {
                return null;
            }
            try {
                return PhoneNumber.parse(in.phone());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(prefix + ".phone", "validation.phone");
            }
        });
        String email = checks.check(() -> {
            if (in.email() == null || in.email().isBlank()) {
                return null;
            }
            String e = TextNormalizer.emailAddress(in.email());
            if (!jp.kyodo.shared.Inputs.isEmailAddress(e) || e.length() > 254) {
                throw new InvalidInputException(prefix + ".email", "validation.email");
            }
            return e;
        });
        if (!checks.failed(prefix + ".phone") && !checks.failed(prefix + ".email") && phone == null && email == null) {
            checks.check(() -> fail(prefix + ".phone", "validation.group.reachable"));
        }
        checks.throwIfAny();
        String phoneText = phone == null ? null : (phone.display().length() <= 20 ? phone.display() : phone.digits());
        return new Person(name, kana, postal == null ? null : postal.value(), address, phoneText, email,
                in.publishAddress(), in.publishPhone(), in.publishEmail());
    }

    private String fileType(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        if (content.length > settings.maxDocumentSize().toBytes()) {
            throw new InvalidInputException("file", "validation.file.tooLarge", settings.maxDocumentSize().toMegabytes());
        }
        String type = GroupDocuments.sniff(content);
        if (type == null) {
            throw new InvalidInputException("file", "validation.file.type");
        }
        return type;
    }

    // ---- Helpers ----

    CivicGroup managed(long groupId, long accountId) {
        GroupMember m = members.findById(new GroupMember.Key(groupId, accountId)).orElseThrow(GroupRegistry::notFound);
        if (!m.role().manages()) {
            throw notFound();
        }
        return groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
    }

    private CivicGroup editable(long groupId, Actor actor, Long version) {
        CivicGroup group = managed(groupId, actor.accountId());
        if (!group.status().editable()) {
            throw new InvalidInputException("version", "validation.group.notEditable");
        }
        if (version != null && group.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        return group;
    }

    private CivicGroup decided(long groupId, long version) {
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        if (group.status() != GroupStatus.SUBMITTED) {
            throw new InvalidInputException("version", "validation.group.notSubmitted");
        }
        return group;
    }

    /** The decision mailed to the managers also waits in their notification centre. */
    private void noticeManagers(CivicGroup group, String mailKey, Object... args) {
        members.findByGroupId(group.id()).stream().filter(m -> m.role().manages())
                .forEach(m -> notices.recordMail(m.accountId(), jp.kyodo.notifications.NoticeKind.REGISTRY, mailKey, "/my/groups", args));
    }

    List<String> managerEmails(long groupId) {
        return members.findByGroupId(groupId).stream().filter(m -> m.role().manages())
                .map(m -> accounts.find(m.accountId())).flatMap(Optional::stream)
                .filter(a -> a.status() == jp.kyodo.accounts.AccountStatus.ACTIVE)
                .map(AccountSummary::email).toList();
    }

    /**
     * A copy of a decision for the secretariat's other members (the one who acted knows), so that whoever answers
     * the group's call next knows what was decided.
     */
    void tellSecretariat(CivicGroup group, Actor staff, String event) {
        String own = accounts.find(staff.accountId()).map(AccountSummary::email).orElse("");
        for (String email : accounts.secretariatEmails()) {
            if (!email.equalsIgnoreCase(own)) {
                mail.send(email, "groupStepStaff", Locale.JAPANESE, group.name(),
                        new org.springframework.context.support.DefaultMessageSourceResolvable("groupEvent." + event),
                        staff.displayName(), String.valueOf(group.id()));
            }
        }
    }

    void log(CivicGroup group, Actor actor, String event, String message) {
        history.save(new GroupHistoryEntry(group.id(), clock.instant(), actor == null ? null : actor.accountId(),
                actor == null ? "system" : actor.displayName(), event, message));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    GroupView view(CivicGroup g) {
        Map<String, Choice> fields = reference.fieldsByCode();
        return new GroupView(g.id(), g.type(), g.name(), g.nameKana(), g.foundedOn(), g.membersCount(), g.membershipFee(),
                reference.area(g.areaCode()).orElse(null),
                g.fieldCodes().stream().map(fields::get).filter(java.util.Objects::nonNull).toList(),
                g.purpose(), g.activities(), g.website(), g.socialLinks(), g.meetingPlace(), g.meetingTimes(),
                g.welcomesMembers(), g.welcomesVolunteers(), g.representative(), g.contact(),
                g.declaresActiveInCity(), g.declaresNoPolitical(), g.declaresNoReligious(), g.declaresNoAntisocial(),
                g.status(), g.draftStep(), g.registrationNumber(), g.registeredOn(), g.validUntil(), g.lastDecisionMessage(),
                g.submittedAt(), g.updatedAt(), g.version(), g.renewalRequestedAt(), renewalOpen(g, today()));
    }

    PublicGroup publicView(CivicGroup g) {
        GroupView v = view(g);
        return new PublicGroup(v.id(), v.registrationNumber(), v.type(), v.name(), v.nameKana(), v.foundedOn(), v.membersCount(),
                v.membershipFee(), v.area(), v.fields(), v.purpose(), v.activities(), v.website(), v.socialLinks(),
                v.meetingPlace(), v.meetingTimes(), v.welcomesMembers(), v.welcomesVolunteers(),
                v.representative() == null ? null : v.representative().name(), PublicGroup.PublicContact.of(v.representative()),
                v.contact() == null ? null : v.contact().name(), PublicGroup.PublicContact.of(v.contact()),
                v.registeredOn(), v.validUntil());
    }

    /** A person as typed in the form. */
    record PersonInput(String name, String nameKana, String postalCode, String address, String phone, String email,
                       boolean publishAddress, boolean publishPhone, boolean publishEmail) {
    }

    /** A group and the role of the person looking at it. */
    public record MyGroup(GroupView group, GroupRole role) {
    }

    /** A line of a group's history. */
    public record HistoryLine(Instant occurredAt, String actorName, String event, String message) {
    }
}
