package jp.kyodo.centre;

import java.time.LocalDate;
import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Accounts, registered groups and open days for the centre's tests. */
final class CentreTestData {

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final CentreSettings settings;
    private final String passwordHash;

    CentreTestData(JdbcClient jdbc, UserDetailsService users, CentreSettings settings, String passwordHash) {
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.passwordHash = passwordHash;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long accountId(String prefix, String name, String role) {
        String email = prefix + "-" + tag() + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', now(), now(), now()) returning id""")
                .param("e", email).param("h", passwordHash).param("n", name).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (role != null) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id).param("r", role).update();
        }
        if ("STAFF".equals(role)) {
            // The centre is run by the secretariat: its staff are the ones who manage bookings.
            long secretariat = jdbc.sql("select id from department where secretariat and active order by id limit 1").query(Long.class).optional()
                    .orElseGet(() -> jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', true, true, now()) returning id")
                            .param("c", "ct-s-" + tag()).query(Long.class).single());
            jdbc.sql("update account set department_id = :d where id = :id").param("d", secretariat).param("id", id).update();
        }
        return id;
    }

    SignedInUser account(String prefix, String name, String role) {
        long id = accountId(prefix, name, role);
        String email = jdbc.sql("select email from account where id = :id").param("id", id).query(String.class).single();
        return (SignedInUser) users.loadUserByUsername(email);
    }

    /** A registered group that the account represents. */
    long group(String name, long managerId, String status) {
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, :status, :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, '地域の活動', '地域の活動', :by, now(), now(), 5, 0) returning id""")
                .param("name", name).param("status", status).param("number", "CT-" + tag()).param("email", "ct-" + tag() + "@example.jp")
                .param("by", managerId).query(Long.class).single();
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }

    long room(String code) {
        return jdbc.sql("select id from centre_room where code = :c").param("c", code).query(Long.class).single();
    }

    /** The first day on or after the given one when the centre is open. */
    LocalDate openDay(LocalDate from) {
        LocalDate d = from;
        while (settings.closedOn(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
