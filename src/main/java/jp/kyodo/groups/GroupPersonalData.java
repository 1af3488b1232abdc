package jp.kyodo.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Group memberships, and the fields of a group's record that are the person's own (as its representative or contact).
 * On deletion the memberships and invitations go; the group's record stays without the person's name and address. It runs
 * after the other modules' sections, which may still look up the person's groups (a group's application names its representative).
 */
@Component
@Order(80)
class GroupPersonalData implements PersonalDataSection {

    /** The person is the group's representative (by their membership role or the address in the record). */
    private static final String REPRESENTATIVE = """
            (lower(g.rep_email) = lower(:email) or exists (select 1 from civic_group_member m
             where m.group_id = g.id and m.account_id = :id and m.role = 'REPRESENTATIVE' and g.rep_name = :name))""";
    /** The person is the group's contact. */
    private static final String CONTACT = """
            (lower(g.contact_email) = lower(:email) or exists (select 1 from civic_group_member m
             where m.group_id = g.id and m.account_id = :id and g.contact_name = :name))""";

    private final JdbcClient jdbc;

    GroupPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "groups";
    }

    @Override
    public Set<String> tables() {
        return Set.of("civic_group", "civic_group_member", "civic_group_document", "civic_group_history", "civic_group_invitation",
                "civic_group_change", "civic_group_consent_request");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("civic_group_member", Rows.query(jdbc, """
                select m.group_id, g.name as group_name, m.role, m.joined_at from civic_group_member m
                join civic_group g on g.id = m.group_id where m.account_id = :id order by m.joined_at""", person));
        out.put("civic_group", Rows.query(jdbc, """
                select g.id, g.name, g.status, g.registration_number,
                       case when %1$s then g.rep_name end as rep_name, case when %1$s then g.rep_name_kana end as rep_name_kana,
                       case when %1$s then g.rep_postal_code end as rep_postal_code, case when %1$s then g.rep_address end as rep_address,
                       case when %1$s then g.rep_phone end as rep_phone, case when %1$s then g.rep_email end as rep_email,
                       case when %2$s then g.contact_name end as contact_name, case when %2$s then g.contact_name_kana end as contact_name_kana,
                       case when %2$s then g.contact_postal_code end as contact_postal_code,
                       case when %2$s then g.contact_address end as contact_address,
                       case when %2$s then g.contact_phone end as contact_phone, case when %2$s then g.contact_email end as contact_email,
                       g.created_by = :id as created_by_you
                from civic_group g where %1$s or %2$s or g.created_by = :id order by g.id""".formatted(REPRESENTATIVE, CONTACT), person));
        out.put("civic_group_document", Rows.query(jdbc, """
                select group_id, kind, filename, content_type, size_bytes, uploaded_at from civic_group_document
                where uploaded_by = :id order by uploaded_at""", person));
        out.put("civic_group_history", Rows.query(jdbc, """
                select group_id, occurred_at, actor_name, event, message from civic_group_history where actor_id = :id order by occurred_at""", person));
        out.put("civic_group_invitation", Rows.query(jdbc, """
                select group_id, email, role, created_at, expires_at, accepted_at, invited_by = :id as sent_by_you
                from civic_group_invitation where lower(email) = lower(:email) or invited_by = :id or accepted_by = :id
                order by created_at""", person));
        out.put("civic_group_change", Rows.query(jdbc, """
                select group_id, part, proposal, status, submitted_at, decided_at, message from civic_group_change
                where submitted_by = :id order by submitted_at""", person));
        out.put("civic_group_consent_request", Rows.query(jdbc, """
                select group_id, role, email, created_at, expires_at, answered_at from civic_group_consent_request
                where lower(email) = lower(:email) order by created_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update civic_group g set rep_name = :label, rep_name_kana = null, rep_postal_code = null, rep_address = null,
                       rep_phone = null, rep_email = null, rep_publish_address = false, rep_publish_phone = false,
                       rep_publish_email = false, rep_consent_address = null, rep_consent_phone = null, rep_consent_email = null
                where %s""".formatted(REPRESENTATIVE), person);
        Rows.update(jdbc, """
                update civic_group g set contact_name = :label, contact_name_kana = null, contact_postal_code = null,
                       contact_address = null, contact_phone = null, contact_email = null, contact_publish_address = false,
                       contact_publish_phone = false, contact_publish_email = false, contact_consent_address = null,
                       contact_consent_phone = null, contact_consent_email = null
                where %s""".formatted(CONTACT), person);
        Rows.update(jdbc, "delete from civic_group_member where account_id = :id", person);
        Rows.update(jdbc, "delete from civic_group_invitation where lower(email) = lower(:email)", person);
        Rows.update(jdbc, "delete from civic_group_consent_request where lower(email) = lower(:email)", person);
        Rows.update(jdbc, "update civic_group_history set actor_name = :label where actor_id = :id", person);
        // Texts that quote the person: a change notice carries the old and new contact details, history lines name people.
        Rows.update(jdbc, "update civic_group_history set message = " + Rows.scrubbed("message") + " where " + Rows.mentions("message"), person);
        Rows.update(jdbc, "update civic_group_change set proposal = " + Rows.scrubbed("proposal") + ", message = " + Rows.scrubbed("message")
                + " where " + Rows.mentions("proposal") + " or " + Rows.mentions("message"), person);
        Rows.update(jdbc, "update civic_group set last_decision_message = " + Rows.scrubbed("last_decision_message")
                + " where " + Rows.mentions("last_decision_message"), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(new RetentionRule("group-invitations", before ->
                Rows.before(jdbc, "delete from civic_group_invitation where expires_at < :before", before)
                        + Rows.before(jdbc, "delete from civic_group_consent_request where expires_at < :before", before)));
    }
}
