package jp.kyodo.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo courses load into the real schema: a full leaders' course with a waiting list, a past course with results, staff training. */
@IntegrationTest
class TrainingDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired Courses courses;

    @Test
    void loadsTheLeadersCourseThePastCourseAndStaffTraining() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', true, true, now()) returning id")
                .param("c", "td-" + tag).query(Long.class).single();
        long staff = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, 'x', '職員', 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", "td-" + tag + "@example.jp").param("d", dept).query(Long.class).single();
        long residentId = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:e, 'x', '本庄 花子', 'ACTIVE', now(), now(), now()) returning id""")
                .param("e", "td-res-" + tag + "@example.jp").query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", residentId).update();
        tx.executeWithoutResult(status -> {
            AccountSummary resident = accounts.find(residentId).orElseThrow();
            new TrainingDemoData(jdbc, accounts, tx, clock, city, environment).load(staff, dept, resident);
            List<Courses.Course> loaded = courses.forDepartment(dept, false);
            assertThat(loaded).hasSize(3);
            Courses.Course leaders = loaded.stream().filter(c -> c.title().startsWith("地域リーダー養成講座")).findFirst().orElseThrow();
            assertThat(leaders.sessions()).hasSize(5);
            assertThat(leaders.phase()).isEqualTo(Courses.Phase.WAITLIST);
            assertThat(leaders.confirmed()).isEqualTo(leaders.capacity());
            assertThat(leaders.waiting()).isBetween(2, 3);
            Courses.Course staffCourse = loaded.stream().filter(c -> c.title().startsWith("職員向け協働研修")).findFirst().orElseThrow();
            assertThat(staffCourse.target()).isEqualTo(Courses.Target.STAFF);
            assertThat(staffCourse.registering()).isTrue();
            Courses.Course past = loaded.stream().filter(Courses.Course::over).findFirst().orElseThrow();
            assertThat(courses.survey(past.id()).answers()).isGreaterThanOrEqualTo(5);
            List<Courses.MyCourse> mine = courses.myCourses(residentId);
            assertThat(mine).hasSize(1);
            assertThat(mine.getFirst().completed()).isTrue();
            assertThat(mine.getFirst().mayAnswer()).isTrue();
            assertThat(courses.certificatePdf(courses.certificateFor(mine.getFirst().registration().id(), residentId))).startsWith('%', 'P', 'D', 'F');
            status.setRollbackOnly();
        });
    }
}
