package jp.kyodo.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 120 people register for 20 places at the same moment: the course row lock gives exactly 20 places, and the other
 * 100 wait in the order in which they were registered, numbered 1 to 100 without gaps. Repeated, since a race shows
 * itself only sometimes.
 */
@IntegrationTest
class CourseConcurrencyTest {

    private static final int PEOPLE = 120;
    private static final int PLACES = 20;

    @Autowired JdbcClient jdbc;
    @Autowired Courses courses;
    @Autowired UserDetailsService users;

    record Row(long id, String status, Timestamp createdAt, int position) {
    }

    @RepeatedTest(3)
    void neverMorePlacesThanTheCapacity() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = TrainingTestData.department(jdbc, tag);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "race-staff", dept, "STAFF");
        long id = TrainingTestData.publishedCourse(courses, staff, dept, "同時申込講座" + tag, "RESIDENTS", PLACES, 3);
        List<SignedInUser> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(TrainingTestData.account(jdbc, users, "race-" + i, null, null));
        }

        CountDownLatch ready = new CountDownLatch(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        List<Future<Courses.Receipt>> results = new ArrayList<>();
        try {
            for (SignedInUser person : people) {
                results.add(pool.submit(() -> {
                    // Links in mail are built from the request, as in a real registration.
                    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
                    try {
                        ready.countDown();
                        start.await();
                        return courses.register(id, person, null);
                    } finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Courses.Receipt> receipts = new ArrayList<>();
            for (Future<Courses.Receipt> f : results) {
                receipts.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(receipts).filteredOn(r -> r.status() == Courses.RegistrationStatus.CONFIRMED).hasSize(PLACES);
            assertThat(receipts).filteredOn(r -> r.status() == Courses.RegistrationStatus.WAITING).extracting(Courses.Receipt::position)
                    .containsExactlyInAnyOrderElementsOf(range(1, PEOPLE - PLACES));
        } finally {
            pool.shutdownNow();
        }

        List<Row> rows = jdbc.sql("""
                        select r.id, r.status, r.created_at, case when r.status = 'WAITING' then (select count(*) from training_registration x
                            where x.course_id = r.course_id and x.status = 'WAITING' and x.id <= r.id) else 0 end as position
                        from training_registration r where r.course_id = :id order by r.id""")
                .param("id", id).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getInt(4))).list();
        assertThat(rows).hasSize(PEOPLE);
        assertThat(rows.stream().filter(r -> r.status().equals("CONFIRMED")).count()).as("exactly the capacity").isEqualTo(PLACES);
        // The first 20 to get the lock hold the places; everyone after them waits, in the order they were registered.
        assertThat(rows.subList(0, PLACES)).allMatch(r -> r.status().equals("CONFIRMED"));
        List<Row> waiting = rows.subList(PLACES, PEOPLE);
        assertThat(waiting).allMatch(r -> r.status().equals("WAITING"));
        assertThat(waiting).extracting(Row::position).containsExactlyElementsOf(range(1, PEOPLE - PLACES));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).createdAt()).as("registration times follow the order of places").isAfterOrEqualTo(rows.get(i - 1).createdAt());
        }
        Courses.Course course = courses.published(id);
        assertThat(course.confirmed()).isEqualTo(PLACES);
        assertThat(course.waiting()).isEqualTo(PEOPLE - PLACES);
        assertThat(course.phase()).isEqualTo(Courses.Phase.WAITLIST);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(i);
        }
        return list;
    }
}
