package jp.kyodo.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit entries about a person: what they did and what was done to their account. On deletion the entries stay
 * (they are the city's record) with the person's name and address replaced; the account number keeps them traceable.
 */
@Component
@Order(100)
class AuditPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "audit";
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_entry");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        return Map.of("audit_entry", Rows.query(jdbc, """
                select occurred_at, actor_name, action, record_type, record_id, summary from audit_entry
                where actor_id = :id or (record_type = 'account' and record_id = cast(:id as varchar))
                order by occurred_at, id""", person));
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, "update audit_entry set actor_name = :label where actor_id = :id or actor_name in (:email, :name)", person);
        // Marked erased: the audit chain keeps the digest of the sealed text (jp.kyodo.audit.AuditChain), and the database
        // refuses any other change of a summary.
        Rows.update(jdbc, "update audit_entry set summary = " + Rows.scrubbed("summary") + ", summary_erased = true where "
                + Rows.mentions("summary"), person);
    }
}
