package jp.kyodo.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Courses, registrations and attendance of FY2006 and FY2007 (no other test uses them), counted by hand. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class TrainingFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrainingFigures figures;

    @Test
    void countsCoursesByFirstSessionAndAttendanceBySessionYear() {
        long course = course("PUBLISHED");
        long first = session(course, 1, "2007-03-20");
        long second = session(course, 2, "2007-04-10");
        List<Long> confirmed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            confirmed.add(registration(course, "CONFIRMED"));
        }
        registration(course, "WAITING");
        registration(course, "CANCELLED");
        confirmed.forEach(r -> attend(first, r));
        attend(second, confirmed.get(0));
        attend(second, confirmed.get(1));
        long draft = course("DRAFT");
        attend(session(draft, 1, "2006-05-01"), registration(draft, "CONFIRMED"));

        List<YearlyFigure> result = figures.figures(2006, 2007);

        assertThat(value(result, TrainingFigures.COURSES, 2006)).isEqualTo(1);
        assertThat(value(result, TrainingFigures.REGISTRATIONS, 2006)).isEqualTo(3);
        assertThat(value(result, TrainingFigures.ATTENDANCE, 2006)).isEqualTo(3);
        // The second session falls in the next fiscal year; the course itself counts in the year it began.
        assertThat(value(result, TrainingFigures.ATTENDANCE, 2007)).isEqualTo(2);
        assertThat(value(result, TrainingFigures.COURSES, 2007)).isZero();
    }

    private long course(String status) {
        return jdbc.sql("""
                        insert into training_course (department_id, title, description, lecturer, place, target, capacity,
                            application_closes_on, status, created_by, created_at, updated_at)
                        values (-1, '集計テスト講座', '説明', '講師', '会場', 'RESIDENTS', 20, '2006-04-01', :s, -1, now(), now()) returning id""")
                .param("s", status).query(Long.class).single();
    }

    private long session(long course, int number, String day) {
        return jdbc.sql("""
                        insert into training_session (course_id, number, held_on, starts_at, ends_at)
                        values (:c, :n, :d, '10:00', '12:00') returning id""")
                .param("c", course).param("n", number).param("d", LocalDate.parse(day)).query(Long.class).single();
    }

    private long registration(long course, String status) {
        return jdbc.sql("""
                        insert into training_registration (course_id, name, email, status, created_at)
                        values (:c, '受講者', 'jukou@example.jp', :s, now()) returning id""")
                .param("c", course).param("s", status).query(Long.class).single();
    }

    private void attend(long session, long registration) {
        jdbc.sql("insert into training_attendance (session_id, registration_id) values (:s, :r)")
                .param("s", session).param("r", registration).update();
    }

    private static long value(List<YearlyFigure> figures, String measure, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
