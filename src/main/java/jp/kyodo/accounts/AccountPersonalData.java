package jp.kyodo.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account itself: profile, roles, e-mailed links; on deletion also the sessions and finished events that name the person. */
@Component
@Order(0)
class AccountPersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "account";
    }

    @Override
    public Set<String> tables() {
        return Set.of("account", "account_role", "account_token", "spring_session", "event_publication", "event_publication_archive");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("account", Rows.query(jdbc, """
                select a.id, a.email, a.name, a.name_kana, a.postal_code, a.address, a.phone, a.status, d.name as department,
                       a.email_verified_at, a.created_at, a.updated_at
                from account a left join department d on d.id = a.department_id where a.id = :id""", person));
        out.put("account_role", Rows.query(jdbc, "select role from account_role where account_id = :id order by role", person));
        out.put("account_token", Rows.query(jdbc, """
                select purpose, new_email, created_at, expires_at, used_at from account_token where account_id = :id order by created_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        // The account row is erased by Account.delete; signed-in sessions and finished event records naming the person go.
        Rows.update(jdbc, "delete from account_token where account_id = :id", person);
        Rows.update(jdbc, "delete from spring_session where principal_name = :email", person);
        for (String table : List.of("event_publication", "event_publication_archive")) {
            Rows.update(jdbc, "delete from " + table + " where completion_date is not null"
                    + " and " + Rows.mentions("serialized_event"), person);
        }
    }
}
