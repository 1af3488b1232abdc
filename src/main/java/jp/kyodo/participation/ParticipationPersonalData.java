package jp.kyodo.participation;

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
 * Public comments, council applications and seats, workshop registrations and suggestions (市民の声). Public comments,
 * decided applications, council seats, answered suggestions and past registrations are records of the city and stay
 * without the person's name, address, phone and e-mail; what is still open (an application to an undecided call, a
 * registration to a coming workshop) is withdrawn.
 */
@Component
@Order(10)
class ParticipationPersonalData implements PersonalDataSection {

    /** An e-mail column's value once erased: unique per row, so that unique indexes on the column still hold. */
    private static final String ERASED_EMAIL = "'erased-' || id || '@deleted.invalid'";

    private final JdbcClient jdbc;

    ParticipationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "participation";
    }

    @Override
    public Set<String> tables() {
        return Set.of("pc_comment", "council_member", "council_application", "ws_registration", "voice_suggestion");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("pc_comment", Rows.query(jdbc, """
                select p.title as procedure_title, c.name, c.address, c.email, c.eligibility, c.body, c.status, c.created_at, c.confirmed_at
                from pc_comment c join pc_procedure p on p.id = c.procedure_id
                where c.account_id = :id or lower(c.email) = lower(:email) order by c.created_at""", person));
        out.put("council_member", Rows.query(jdbc, """
                select c.name as council, m.name, m.role, m.category, m.affiliation, m.term_start, m.term_end
                from council_member m join council c on c.id = m.council_id where m.account_id = :id order by m.term_start""", person));
        out.put("council_application", Rows.query(jdbc, """
                select c.name as council, a.number, a.name, a.furigana, a.birth_date, a.address, a.phone, a.occupation, a.essay,
                       a.status, a.created_at
                from council_application a join council_call k on k.id = a.call_id join council c on c.id = k.council_id
                where a.account_id = :id order by a.created_at""", person));
        out.put("ws_registration", Rows.query(jdbc, """
                select w.title as workshop, w.held_on, r.name, r.email, r.phone, r.status, r.attended, r.created_at, r.cancelled_at
                from ws_registration r join ws_workshop w on w.id = r.workshop_id
                where r.account_id = :id or lower(r.email) = lower(:email) order by r.created_at""", person));
        out.put("voice_suggestion", Rows.query(jdbc, """
                select receipt_no, category, subject, body, name, email, phone, address, wants_answer, status, answer, answered_at,
                       published_at, created_at
                from voice_suggestion where account_id = :id or lower(email) = lower(:email) order by created_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update pc_comment set name = :label, address = '', email = %s
                where account_id = :id or lower(email) = lower(:email)""".formatted(ERASED_EMAIL), person);
        Rows.update(jdbc, "update council_member set name = :label where account_id = :id", person);
        Rows.update(jdbc, """
                delete from council_application a using council_call k
                where k.id = a.call_id and a.account_id = :id and k.status <> 'DECIDED'""", person);
        Rows.update(jdbc, """
                update council_application set name = :label, furigana = :label, birth_date = null, address = '', phone = '',
                       occupation = null
                where account_id = :id""", person);
        Rows.update(jdbc, """
                delete from ws_registration r using ws_workshop w
                where w.id = r.workshop_id and (r.account_id = :id or lower(r.email) = lower(:email))
                  and w.held_on >= current_date and w.status <> 'CANCELLED'""", person);
        Rows.update(jdbc, """
                update ws_registration set name = :label, email = %s, phone = null
                where account_id = :id or lower(email) = lower(:email)""".formatted(ERASED_EMAIL), person);
        Rows.update(jdbc, """
                update voice_suggestion set name = :label, email = %s, phone = null, address = null
                where account_id = :id or lower(email) = lower(:email)""".formatted(ERASED_EMAIL), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(
                new RetentionRule("public-comments", before -> Rows.before(jdbc, """
                        update pc_comment c set name = :label, address = '', email = 'erased-' || c.id || '@deleted.invalid'
                        from pc_procedure p
                        where p.id = c.procedure_id and c.name <> :label
                          and (p.result_published_at < :before or (c.status = 'UNCONFIRMED' and c.created_at < :before))""", before)),
                new RetentionRule("council-applications", before -> Rows.before(jdbc, """
                        update council_application a set name = :label, furigana = :label, birth_date = null, address = '',
                               phone = '', occupation = null
                        from council_call k
                        where k.id = a.call_id and a.name <> :label
                          and (k.decided_at < :before or (a.status = 'WITHDRAWN' and a.created_at < :before))""", before)),
                new RetentionRule("workshop-registrations", before -> Rows.before(jdbc, """
                        update ws_registration r set name = :label, email = 'erased-' || r.id || '@deleted.invalid', phone = null
                        from ws_workshop w
                        where w.id = r.workshop_id and r.name <> :label
                          and w.held_on < cast(:before as timestamptz)::date""", before)),
                new RetentionRule("suggestions", before -> Rows.before(jdbc, """
                        update voice_suggestion set name = :label, email = 'erased-' || id || '@deleted.invalid', phone = null,
                               address = null
                        where status in ('ANSWERED', 'CLOSED', 'UNCONFIRMED') and updated_at < :before and name <> :label""", before)));
    }
}
