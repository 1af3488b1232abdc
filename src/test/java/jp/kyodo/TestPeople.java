package jp.kyodo;

import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** People, departments and groups for integration tests, each with a unique name so tests never collide. */
@Component
public class TestPeople {

    public static final String PASSWORD = "test-password-1";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;

    TestPeople(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService users) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.users = users;
    }

    /** An active, confirmed account (a resident, plus the roles given) in the department, if any. */
    public SignedInUser account(String prefix, Long departmentId, String... roles) {
        String email = prefix + "-" + tag() + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode(PASSWORD)).param("n", prefix).param("d", departmentId).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (roles != null) {
            for (String role : roles) {
                if (role != null) {
                    jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id).param("r", role).update();
                }
            }
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }

    public long department(String name, boolean secretariat) {
        return jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, :n, :s, true, now()) returning id")
                .param("c", "t-" + tag()).param("n", name).param("s", secretariat).query(Long.class).single();
    }

    /** A registered civic group whose representative is the account. */
    public long registeredGroup(String name, long managerId) {
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, 'honjo', '目的', '活動', :by, now(), now(), 5, 0) returning id""")
                .param("name", name).param("number", "T-" + tag()).param("email", "group-" + tag() + "@example.jp").param("by", managerId)
                .query(Long.class).single();
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }

    public String email(long accountId) {
        return jdbc.sql("select email from account where id = :id").param("id", accountId).query(String.class).single();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
