package jp.kyodo.training;

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
 * Course registrations, attendance and survey answers. A registration for a course not yet held is cancelled on
 * deletion; past ones stay (the course's attendance figures) without the person's name and e-mail.
 */
@Component
@Order(10)
class TrainingPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    TrainingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "training";
    }

    @Override
    public Set<String> tables() {
        return Set.of("training_registration", "training_attendance", "training_feedback");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("training_registration", Rows.query(jdbc, """
                select c.title as course, r.name, r.email, r.group_name, r.status, r.created_at, r.promoted_at, r.cancelled_at
                from training_registration r join training_course c on c.id = r.course_id
                where r.account_id = :id or lower(r.email) = lower(:email) order by r.created_at""", person));
        out.put("training_attendance", Rows.query(jdbc, """
                select c.title as course, s.number as session, s.held_on from training_attendance a
                join training_session s on s.id = a.session_id join training_registration r on r.id = a.registration_id
                join training_course c on c.id = r.course_id
                where r.account_id = :id or lower(r.email) = lower(:email) order by s.held_on""", person));
        out.put("training_feedback", Rows.query(jdbc, """
                select c.title as course, f.satisfaction, f.usefulness, f.comment, f.answered_at from training_feedback f
                join training_registration r on r.id = f.registration_id join training_course c on c.id = r.course_id
                where r.account_id = :id or lower(r.email) = lower(:email) order by f.answered_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update training_registration r set status = 'CANCELLED', cancelled_at = now()
                where (r.account_id = :id or lower(r.email) = lower(:email)) and r.status <> 'CANCELLED'
                  and not exists (select 1 from training_session s where s.course_id = r.course_id and s.held_on < current_date)""", person);
        Rows.update(jdbc, """
                update training_registration set name = :label, email = 'erased-' || id || '@deleted.invalid',
                       group_name = %s
                where account_id = :id or lower(email) = lower(:email)""".formatted(Rows.scrubbed("group_name")), person);
        Rows.update(jdbc, """
                update training_feedback f set comment = %s from training_registration r
                where r.id = f.registration_id and r.account_id = :id and %s""".formatted(Rows.scrubbed("comment"), Rows.mentions("comment")), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(new RetentionRule("course-registrations", before -> Rows.before(jdbc, """
                update training_registration r set name = :label, email = 'erased-' || r.id || '@deleted.invalid'
                where r.name <> :label
                  and not exists (select 1 from training_session s where s.course_id = r.course_id
                                  and s.held_on >= cast(:before as timestamptz)::date)
                  and (exists (select 1 from training_session s where s.course_id = r.course_id) or r.created_at < :before)""", before)));
    }
}
