package jp.kyodo.support;

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
 * Endorsement and co-hosting applications and grant applications the person made, and the files they attached. They
 * are decisions, some with money: they stay on deletion, without the applicant's name, address, phone and e-mail.
 */
@Component
@Order(10)
class SupportPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    SupportPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "support";
    }

    @Override
    public Set<String> tables() {
        return Set.of("support_event", "support_grant", "support_file");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("support_event", Rows.query(jdbc, """
                select id, kind, group_id, organiser_name, organiser_address, organiser_representative, organiser_phone,
                       organiser_email, officers, event_name, purpose, starts_on, ends_on, venue, status, decision_reason,
                       notice_number, report_text, report_submitted_at, created_at
                from support_event where applicant_id = :id
                   or (organiser_representative = :name and group_id in (select m.group_id from civic_group_member m where m.account_id = :id))
                order by created_at""", person));
        out.put("support_grant", Rows.query(jdbc, """
                select g.id, p.name as programme, g.group_id, g.applicant_name, g.project_name, g.purpose, g.total_cost,
                       g.requested_amount, g.status, g.granted_amount, g.decision_reason, g.report_text, g.final_amount, g.paid_on,
                       g.created_at
                from support_grant g join support_programme p on p.id = g.programme_id where g.applicant_id = :id order by g.created_at""", person));
        out.put("support_file", Rows.query(jdbc, """
                select owner_type, owner_id, filename, content_type, size_bytes, uploaded_at from support_file
                where uploaded_by = :id order by uploaded_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update support_event set organiser_representative = :label, organiser_phone = null, organiser_email = null,
                       organiser_name = %s,
                       organiser_address = case when group_id is null then '' else organiser_address end,
                       officers = %s, outline = %s, report_text = %s
                where applicant_id = :id""".formatted(Rows.scrubbed("organiser_name"), Rows.scrubbed("officers"), Rows.scrubbed("outline"),
                Rows.scrubbed("report_text")), person);
        // A group's application names the group's representative, whoever applied: their name and contact go too.
        Rows.update(jdbc, """
                update support_event set organiser_representative = :label, organiser_phone = null, organiser_email = null
                where organiser_representative = :name
                  and group_id in (select m.group_id from civic_group_member m where m.account_id = :id)""", person);
        Rows.update(jdbc, "update support_grant set applicant_name = %s, budget_note = %s, report_text = %s where applicant_id = :id"
                .formatted(Rows.scrubbed("applicant_name"), Rows.scrubbed("budget_note"), Rows.scrubbed("report_text")), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(new RetentionRule("support-applications", before -> Rows.before(jdbc, """
                update support_event set organiser_representative = :label, organiser_phone = null, organiser_email = null,
                       organiser_address = case when group_id is null then '' else organiser_address end
                where status in ('REFUSED', 'CANCELLED', 'WITHDRAWN', 'CLOSED') and updated_at < :before
                  and organiser_representative <> :label""", before)));
    }
}
