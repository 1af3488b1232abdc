package jp.kyodo.collaboration;

import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Departments, accounts and registered groups for the collaboration tests, written straight to the database. */
@Component
class CollaborationTestData {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;

    CollaborationTestData(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService users) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.users = users;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    long department(String name, boolean secretariat) {
        return jdbc.sql("""
                        insert into department (code, name, secretariat, active, created_at) values (:code, :name, :s, true, now())
                        returning id""")
                .param("code", "d-" + tag()).param("name", name).param("s", secretariat).query(Long.class).single();
    }

    SignedInUser account(String prefix, Long departmentId, String... roles) {
        String email = prefix + "-" + tag() + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix + " さん")
                .param("dept", departmentId).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        for (String role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }

    /** A registered group in the given fields, managed by the account as its representative. */
    long registeredGroup(String name, long managerId, String purpose, String... fieldCodes) {
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, 'honjo', :purpose, :purpose, :by, now(), now(), 5, 0) returning id""")
                .param("name", name).param("number", "C-" + tag()).param("email", "contact-" + tag() + "@example.jp")
                .param("purpose", purpose).param("by", managerId).query(Long.class).single();
        for (String f : fieldCodes) {
            jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :f)").param("g", id).param("f", f).update();
        }
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }
}
