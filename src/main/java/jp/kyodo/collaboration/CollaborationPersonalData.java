package jp.kyodo.collaboration;

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
 * Proposals the person wrote, their consultation messages, agreement confirmations and comments, evaluations and, for a
 * committee member, their screening sheets. All of it is part of decisions and stays on deletion, with the name replaced.
 */
@Component
@Order(10)
class CollaborationPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    CollaborationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "collaboration";
    }

    @Override
    public Set<String> tables() {
        return Set.of("collab_proposal", "collab_file", "collab_consultation", "collab_consultation_message", "collab_agreement",
                "collab_agreement_comment", "collab_evaluation", "collab_screening_member", "collab_screening_conflict",
                "collab_score_sheet", "collab_score");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("collab_proposal", Rows.query(jdbc, """
                select p.id, c.title as call_title, p.group_id, p.status, p.title, p.purpose, p.content, p.target, p.capacity,
                       p.period_from, p.period_to, p.place, p.form, p.pioneering, p.prospects, p.requested_amount,
                       p.decision_reason, p.conditions, p.submitted_at, p.decided_at, p.created_at
                from collab_proposal p join collab_call c on c.id = p.call_id where p.created_by = :id order by p.created_at""", person));
        out.put("collab_file", Rows.query(jdbc, """
                select owner_type, owner_id, filename, content_type, size_bytes, uploaded_at from collab_file
                where uploaded_by = :id order by uploaded_at""", person));
        out.put("collab_consultation", Rows.query(jdbc,
                "select proposal_id, opened_at, city_replied_at from collab_consultation where opened_by = :id order by opened_at", person));
        out.put("collab_consultation_message", Rows.query(jdbc, """
                select c.proposal_id, m.side, m.author_name, m.body, m.created_at from collab_consultation_message m
                join collab_consultation c on c.id = m.consultation_id where m.author_id = :id order by m.created_at""", person));
        out.put("collab_agreement", Rows.query(jdbc, """
                select project_id, number, status, city_confirmed_name, city_confirmed_at, group_confirmed_name, group_confirmed_at
                from collab_agreement where city_confirmed_by = :id or group_confirmed_by = :id order by created_at""", person));
        out.put("collab_agreement_comment", Rows.query(jdbc, """
                select agreement_id, side, author_name, body, created_at from collab_agreement_comment
                where author_id = :id order by created_at""", person));
        out.put("collab_evaluation", Rows.query(jdbc, """
                select e.project_id, e.side, e.author_name, e.status, e.comment, e.submitted_at,
                       (select string_agg(s.axis || ':' || coalesce(s.score::text, '') || ' ' || coalesce(s.comment, ''), ' / ' order by s.axis)
                        from collab_evaluation_score s where s.evaluation_id = e.id) as scores
                from collab_evaluation e where e.account_id = :id order by e.updated_at""", person));
        out.put("collab_screening_member", Rows.query(jdbc,
                "select screening_id from collab_screening_member where account_id = :id order by screening_id", person));
        out.put("collab_screening_conflict", Rows.query(jdbc, """
                select screening_id, proposal_id, reason, declared_at from collab_screening_conflict where account_id = :id""", person));
        out.put("collab_score_sheet", Rows.query(jdbc, """
                select screening_id, proposal_id, status, comment, submitted_at from collab_score_sheet where account_id = :id""", person));
        out.put("collab_score", Rows.query(jdbc, """
                select s.screening_id, s.proposal_id, c.name as criterion, s.points, s.comment from collab_score s
                join collab_screening_criterion c on c.id = s.criterion_id where s.account_id = :id""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, "update collab_consultation_message set author_name = :label where author_id = :id", person);
        Rows.update(jdbc, "update collab_agreement_comment set author_name = :label where author_id = :id", person);
        Rows.update(jdbc, "update collab_agreement set city_confirmed_name = :label where city_confirmed_by = :id", person);
        Rows.update(jdbc, "update collab_agreement set group_confirmed_name = :label where group_confirmed_by = :id", person);
        Rows.update(jdbc, "update collab_evaluation set author_name = :label where account_id = :id", person);
        // A proposal's text may name its writer (as the contact of the project); the proposal stays, the name goes.
        Rows.update(jdbc, """
                update collab_proposal set capacity = %s, content = %s, purpose = %s, place = %s
                where created_by = :id""".formatted(Rows.scrubbed("capacity"), Rows.scrubbed("content"), Rows.scrubbed("purpose"),
                Rows.scrubbed("place")), person);
    }
}
