package jp.kyodo.training;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Departments, accounts and courses for the training tests, written straight into the database as other tests do. */
final class TrainingTestData {

    private TrainingTestData() {
    }

    static long department(JdbcClient jdbc, String tag) {
        return jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', false, true, now()) returning id")
                .param("c", "tc-" + tag).query(Long.class).single();
    }

    /** An active account (with a placeholder password hash: these tests sign in through MockMvc, not the login form). */
    static SignedInUser account(JdbcClient jdbc, UserDetailsService users, String prefix, Long dept, String role) {
        return account(jdbc, users, prefix, dept, role, "x");
    }

    static SignedInUser account(JdbcClient jdbc, UserDetailsService users, String prefix, Long dept, String role, String passwordHash) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", email).param("h", passwordHash).param("n", "受講 " + prefix).param("d", dept).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (role != null) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id).param("r", role).update();
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }

    /** The course form: weekly sessions from {@code first}, registration closing the day before. */
    static Map<String, String> form(String title, String target, String capacity, LocalDate first, int sessions) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "description", "地域で活動する仲間を育てる連続講座です。",
                "lecturer", "協働 太郎", "place", "本庄市民活動センター 研修室", "target", target, "capacity", capacity, "fee", "0",
                "closesOn", first.minusDays(1).toString()));
        for (int n = 1; n <= sessions; n++) {
            form.put("session" + n + "Date", first.plusWeeks(n - 1).toString());
            form.put("session" + n + "Starts", "13:30");
            form.put("session" + n + "Ends", "16:00");
            form.put("session" + n + "Topic", "第" + n + "回のテーマ");
        }
        return form;
    }

    static long publishedCourse(Courses courses, SignedInUser staff, long dept, String title, String target, int capacity, int sessions) {
        long id = courses.create(staff, dept, form(title, target, String.valueOf(capacity), courses.today().plusDays(10), sessions));
        courses.publish(id, staff, dept, false, 0);
        return id;
    }
}
