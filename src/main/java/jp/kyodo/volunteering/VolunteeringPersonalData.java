package jp.kyodo.volunteering;

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
 * Volunteer applications, hours and messages, reports of posts, and the posts and conversations the person wrote for a
 * group. Past activities stay (the groups' and the city's volunteer figures) without the person's name; applications to
 * shifts still to come are cancelled.
 */
@Component
@Order(10)
class VolunteeringPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    VolunteeringPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "volunteering";
    }

    @Override
    public Set<String> tables() {
        return Set.of("vol_application", "vol_app_message", "vol_report", "vol_opportunity", "vol_offer", "vol_need",
                "vol_conversation", "vol_conv_message", "vol_cooperation");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("vol_application", Rows.query(jdbc, """
                select a.id, o.title as opportunity, s.held_on, s.starts_at, s.ends_at, a.applicant_name, a.message, a.status,
                       a.attended, a.hours, a.confirmed_at, a.created_at
                from vol_application a join vol_opportunity o on o.id = a.opportunity_id join vol_shift s on s.id = a.shift_id
                where a.account_id = :id order by s.held_on""", person));
        out.put("vol_app_message", Rows.query(jdbc, """
                select m.application_id, m.from_group, m.sender_name, m.body, m.created_at from vol_app_message m
                join vol_application a on a.id = m.application_id
                where a.account_id = :id or m.sender_account_id = :id order by m.created_at""", person));
        out.put("vol_report", Rows.query(jdbc, """
                select post_type, post_id, reason, details, status, created_at from vol_report where reporter_id = :id order by created_at""", person));
        out.put("vol_opportunity", Rows.query(jdbc,
                "select id, group_id, title, status, created_at from vol_opportunity where created_by = :id order by created_at", person));
        out.put("vol_offer", Rows.query(jdbc,
                "select id, group_id, kind, title, status, created_at from vol_offer where created_by = :id order by created_at", person));
        out.put("vol_need", Rows.query(jdbc,
                "select id, group_id, kind, title, status, created_at from vol_need where created_by = :id order by created_at", person));
        out.put("vol_conversation", Rows.query(jdbc,
                "select id, subject, starter_group_id, other_group_id, created_at from vol_conversation where started_by = :id order by created_at", person));
        out.put("vol_conv_message", Rows.query(jdbc,
                "select conversation_id, group_id, body, created_at from vol_conv_message where author_id = :id order by created_at", person));
        out.put("vol_cooperation", Rows.query(jdbc,
                "select id, title, summary, agreed_on, created_at from vol_cooperation where recorded_by = :id order by created_at", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update vol_application a set status = 'CANCELLED', updated_at = now()
                from vol_shift s
                where s.id = a.shift_id and a.account_id = :id and a.status in ('APPLIED', 'ACCEPTED', 'WAITLISTED')
                  and s.held_on >= current_date""", person);
        Rows.update(jdbc, "update vol_application set applicant_name = :label where account_id = :id", person);
        Rows.update(jdbc, "update vol_app_message set sender_name = :label where sender_account_id = :id", person);
        Rows.update(jdbc, "update vol_app_message set body = " + Rows.scrubbed("body") + " where " + Rows.mentions("body"), person);
        Rows.update(jdbc, "update vol_conv_message set body = " + Rows.scrubbed("body") + " where " + Rows.mentions("body"), person);
        Rows.update(jdbc, "update vol_application set message = " + Rows.scrubbed("message") + " where account_id = :id and "
                + Rows.mentions("message"), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(
                new RetentionRule("volunteer-applications", before -> Rows.before(jdbc, """
                        delete from vol_app_message m using vol_application a, vol_shift s
                        where a.id = m.application_id and s.id = a.shift_id and s.held_on < cast(:before as timestamptz)::date""", before)
                        + Rows.before(jdbc, """
                        update vol_application a set applicant_name = :label, message = null
                        from vol_shift s
                        where s.id = a.shift_id and s.held_on < cast(:before as timestamptz)::date and a.applicant_name <> :label""", before)),
                new RetentionRule("conversations", before -> Rows.before(jdbc, """
                        delete from vol_conv_message m using vol_conversation c
                        where c.id = m.conversation_id and c.last_message_at < :before""", before)));
    }
}
