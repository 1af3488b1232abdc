package jp.kyodo.groups;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change notices (変更届): a registered group changes one part of its information (basics, activities, people).
 * Changes only to fields the settings mark as free apply at once; any other change waits for the secretariat.
 */
@Service
class GroupChanges {

    /** One changed field: its label (message keys) and the old and new values as shown. */
    record Difference(String prefixKey, String labelKey, String before, String after) {
    }

    /** A change waiting for the secretariat's decision. */
    record Pending(long id, int part, Instant submittedAt, List<Difference> differences) {
    }

    private final GroupRegistry registry;
    private final GroupConsents consents;
    private final CivicGroups groups;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<String> freeFields;
    private final org.springframework.context.MessageSource messages;

    GroupChanges(GroupRegistry registry, GroupConsents consents, CivicGroups groups, JdbcClient jdbc, JsonMapper json, Accounts accounts, MailOutbox mail,
                 AuditLog audit, ApplicationEventPublisher events, Clock clock,
                 @Value("${kyodo.groups.free-change-fields}") Set<String> freeFields, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.registry = registry;
        this.consents = consents;
        this.groups = groups;
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.freeFields = freeFields;
    }

    /** Submits a change; returns true when it applied at once (free fields only), false when it waits for staff. */
    @Transactional
    boolean submit(long groupId, Actor actor, int part, long version, ApplicationForm form) {
        CivicGroup group = registry.managed(groupId, actor.accountId());
        if (group.status() != GroupStatus.REGISTERED) {
            throw new InvalidInputException("version", "validation.group.notRegistered");
        }
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        List<Difference> differences = differences(group, part, form);
        if (differences.isEmpty()) {
            throw new InvalidInputException("version", "validation.change.nothing");
        }
        boolean free = differences.stream().allMatch(d -> freeFields.contains(d.labelKey().replace("group.", "")));
        if (free) {
            apply(group, part, form, actor, actor.accountId());
            registry.log(group, actor, "changed", summary(differences));
            audit.record("group.change.free", "civic_group", group.id(), summary(differences));
            reindex(group);
            for (String email : accounts.secretariatEmails()) {
                mail.send(email, "groupChangedStaff", Locale.JAPANESE, group.name(), summaryText(differences), String.valueOf(group.id()));
            }
            return true;
        }
        // One pending notice per part: a new one replaces the earlier, undecided one.
        jdbc.sql("update civic_group_change set status = 'REPLACED' where group_id = :g and part = :p and status = 'PENDING'")
                .param("g", groupId).param("p", part).update();
        jdbc.sql("""
                        insert into civic_group_change (group_id, part, proposal, status, submitted_by, submitted_at)
                        values (:g, :p, :proposal, 'PENDING', :by, :at)""")
                .param("g", groupId).param("p", part).param("proposal", json.writeValueAsString(form))
                .param("by", actor.accountId()).param("at", Timestamp.from(clock.instant())).update();
        registry.log(group, actor, "changeSubmitted", summary(differences));
        audit.record("group.change.submit", "civic_group", group.id(), summary(differences));
        for (String email : accounts.secretariatEmails()) {
            mail.send(email, "groupChangeStaff", Locale.JAPANESE, group.name(), String.valueOf(group.id()));
        }
        for (String email : registry.managerEmails(group.id())) {
            mail.send(email, "groupChangeSubmitted", LocaleContextHolder.getLocale(), group.name());
        }
        return false;
    }

    @Transactional(readOnly = true)
    List<Pending> pending(long groupId) {
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        List<Pending> found = new ArrayList<>();
        jdbc.sql("select id, part, proposal, submitted_at from civic_group_change where group_id = :g and status = 'PENDING' order by id")
                .param("g", groupId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()})
                .list()
                .forEach(row -> found.add(new Pending((Long) row[0], (Integer) row[1], (Instant) row[3],
                        differences(group, (Integer) row[1], json.readValue((String) row[2], ApplicationForm.class)))));
        return found;
    }

    @Transactional
    void accept(long groupId, long changeId, Actor staff) {
        CivicGroup group = groups.lockById(groupId).orElseThrow(GroupRegistry::notFound);
        Row row = claim(groupId, changeId, staff, "ACCEPTED", null);
        ApplicationForm form = json.readValue(row.proposal(), ApplicationForm.class);
        String summary = summary(differences(group, row.part(), form));
        apply(group, row.part(), form, staff, row.submittedBy());
        registry.log(group, staff, "changeAccepted", summary);
        audit.record(staff, "group.change.accept", "civic_group", group.id(), summary);
        reindex(group);
        for (String email : registry.managerEmails(group.id())) {
            mail.send(email, "groupChangeAccepted", LocaleContextHolder.getLocale(), group.name());
        }
        registry.tellSecretariat(group, staff, "changeAccepted");
    }

    @Transactional
    void reject(long groupId, long changeId, Actor staff, String rawMessage) {
        String message = GroupRegistry.required("message", rawMessage, GroupRegistry.TEXT_MAX);
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        claim(groupId, changeId, staff, "REJECTED", message);
        registry.log(group, staff, "changeRejected", message);
        audit.record(staff, "group.change.reject", "civic_group", group.id(), null);
        for (String email : registry.managerEmails(group.id())) {
            mail.send(email, "groupChangeRejected", LocaleContextHolder.getLocale(), group.name(), message);
        }
        registry.tellSecretariat(group, staff, "changeRejected");
    }

    private record Row(int part, String proposal, long submittedBy) {
    }

    /** Marks a pending notice decided; a second decision (another staff member, a double click) is refused. */
    private Row claim(long groupId, long changeId, Actor staff, String status, String message) {
        List<Row> rows = jdbc.sql("""
                        update civic_group_change set status = :status, decided_by = :by, decided_at = :at, message = :message
                        where id = :id and group_id = :g and status = 'PENDING' returning part, proposal, submitted_by""")
                .param("status", status).param("by", staff.accountId()).param("at", Timestamp.from(clock.instant()))
                .param("message", message).param("id", changeId).param("g", groupId)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getLong(3))).list();
        if (rows.isEmpty()) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        return rows.getFirst();
    }

    private void apply(CivicGroup group, int part, ApplicationForm f, Actor actor, long author) {
        Instant now = clock.instant();
        switch (part) {
            case 1 -> {
                GroupRegistry.Basics b = registry.checkBasics(f.getType(), f.getName(), f.getNameKana(), f.getFoundedOn(),
                        f.getMembersCount(), f.getMembershipFee(), f.getAreaCode());
                group.changeBasics(b.type(), b.name(), b.nameKana(), b.foundedOn(), b.membersCount(), b.membershipFee(), b.areaCode(), now);
            }
            case 2 -> {
                GroupRegistry.Activities a = registry.checkActivities(f.getFieldCodes(), f.getPurpose(), f.getActivities(),
                        f.getWebsite(), f.getSocialLinks(), f.getMeetingPlace(), f.getMeetingTimes(), f.isWelcomesMembers(),
                        f.isWelcomesVolunteers());
                group.changeActivities(a.fieldCodes(), a.purpose(), a.activities(), a.website(), a.socialLinks(), a.meetingPlace(),
                        a.meetingTimes(), a.welcomesMembers(), a.welcomesVolunteers(), now);
            }
            default -> {
                GroupRegistry.People p = registry.checkPeople(f.getRep().input(), f.getContact().input());
                group.changePeople(p.representative(), p.contact(), now);
                consents.requestWhereNeeded(group, actor, author);
            }
        }
    }

    /** What the notice would change, field by field (the form is checked first: a refused field is reported). */
    private List<Difference> differences(CivicGroup g, int part, ApplicationForm f) {
        List<Difference> out = new ArrayList<>();
        switch (part) {
            case 1 -> {
                GroupRegistry.Basics b = registry.checkBasics(f.getType(), f.getName(), f.getNameKana(), f.getFoundedOn(),
                        f.getMembersCount(), f.getMembershipFee(), f.getAreaCode());
                diff(out, null, "type", g.type(), b.type());
                diff(out, null, "name", g.name(), b.name());
                diff(out, null, "nameKana", g.nameKana(), b.nameKana());
                diff(out, null, "foundedOn", g.foundedOn(), b.foundedOn());
                diff(out, null, "membersCount", g.membersCount(), b.membersCount());
                diff(out, null, "membershipFee", g.membershipFee(), b.membershipFee());
                diff(out, null, "area", g.areaCode(), b.areaCode());
            }
            case 2 -> {
                GroupRegistry.Activities a = registry.checkActivities(f.getFieldCodes(), f.getPurpose(), f.getActivities(),
                        f.getWebsite(), f.getSocialLinks(), f.getMeetingPlace(), f.getMeetingTimes(), f.isWelcomesMembers(),
                        f.isWelcomesVolunteers());
                diff(out, null, "fields", String.join("・", new TreeSet<>(g.fieldCodes())), String.join("・", new TreeSet<>(a.fieldCodes())));
                diff(out, null, "purpose", g.purpose(), a.purpose());
                diff(out, null, "activities", g.activities(), a.activities());
                diff(out, null, "website", g.website(), a.website());
                diff(out, null, "socialLinks", g.socialLinks(), a.socialLinks());
                diff(out, null, "meetingPlace", g.meetingPlace(), a.meetingPlace());
                diff(out, null, "meetingTimes", g.meetingTimes(), a.meetingTimes());
                diff(out, null, "welcomesMembers", g.welcomesMembers(), a.welcomesMembers());
                diff(out, null, "welcomesVolunteers", g.welcomesVolunteers(), a.welcomesVolunteers());
            }
            default -> {
                GroupRegistry.People p = registry.checkPeople(f.getRep().input(), f.getContact().input());
                person(out, "group.person.rep", g.representative(), p.representative());
                person(out, "group.person.contact", g.contact(), p.contact());
            }
        }
        return out;
    }

    private static void person(List<Difference> out, String prefix, Person before, Person after) {
        Person b = before == null ? Person.empty() : before;
        diff(out, prefix, "person.name", b.name(), after.name());
        diff(out, prefix, "person.nameKana", b.nameKana(), after.nameKana());
        diff(out, prefix, "person.postalCode", b.postalCode(), after.postalCode());
        diff(out, prefix, "person.address", b.address(), after.address());
        diff(out, prefix, "person.phone", b.phone(), after.phone());
        diff(out, prefix, "person.email", b.email(), after.email());
        diff(out, prefix, "person.publishAddress", b.publishAddress(), after.publishAddress());
        diff(out, prefix, "person.publishPhone", b.publishPhone(), after.publishPhone());
        diff(out, prefix, "person.publishEmail", b.publishEmail(), after.publishEmail());
    }

    private static void diff(List<Difference> out, String prefix, String field, Object before, Object after) {
        String b = before == null ? "" : before.toString();
        String a = after == null ? "" : after.toString();
        if (!Objects.equals(b, a)) {
            out.add(new Difference(prefix, "group." + field, b, a));
        }
    }

    private static String summary(List<Difference> differences) {
        return String.join(", ", differences.stream().map(d -> (d.prefixKey() == null ? "" : d.prefixKey() + ":") + d.labelKey()).toList());
    }

    /** The changed fields in Japanese, for the secretariat's mail. */
    private String summaryText(List<Difference> differences) {
        return String.join("、", differences.stream().map(d -> (d.prefixKey() == null ? "" : messages.getMessage(d.prefixKey(), null, Locale.JAPANESE))
                + messages.getMessage(d.labelKey(), null, d.labelKey(), Locale.JAPANESE)).toList());
    }

    private void reindex(CivicGroup group) {
        registry.listed(group.id()).ifPresent(g -> events.publishEvent(new SearchDocumentChanged(GroupSearchSource.document(g))));
    }
}
