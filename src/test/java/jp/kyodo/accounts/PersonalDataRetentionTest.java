package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention run against records on both sides of each kind's limit: those finished two days before it lose the
 * person's name, address, phone and e-mail (or go, where nothing needs keeping), those finished two days after keep them,
 * and each kind leaves one audit entry with its count.
 */
@IntegrationTest
class PersonalDataRetentionTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;
    @Autowired PersonalDataRetention retention;
    @Autowired PrivacySettings settings;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void personalDataOfProceduresFinishedBeforeTheLimitIsErasedAndTheRestKept() {
        long department = people.department("保存課" + tag, false);
        long staff = people.account("staff", department, "STAFF").accountId();
        long resident = people.account("resident", null).accountId();
        long group = people.registeredGroup("保存の会" + tag, resident);
        long other = people.registeredGroup("相手の会" + tag, staff);
        long room = jdbc.sql("select id from centre_room order by id limit 1").query(Long.class).single();
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();

        Map<Boolean, Long> bookings = Map.of(true, booking(room, resident, day("past-bookings", -2)), false,
                booking(room, resident, day("past-bookings", 2)));
        Map<Boolean, Long> events = Map.of(true, event(resident, department, day("support-applications", -2)), false,
                event(resident, department, day("support-applications", 2)));
        Map<Boolean, Long> councils = Map.of(true, councilApplication(department, resident, day("council-applications", -2)), false,
                councilApplication(department, resident, day("council-applications", 2)));
        Map<Boolean, Long> comments = Map.of(true, comment(department, staff, day("public-comments", -2)), false,
                comment(department, staff, day("public-comments", 2)));
        Map<Boolean, Long> suggestions = Map.of(true, suggestion(day("suggestions", -2)), false, suggestion(day("suggestions", 2)));
        Map<Boolean, Long> courses = Map.of(true, courseRegistration(department, staff, day("course-registrations", -2)), false,
                courseRegistration(department, staff, day("course-registrations", 2)));
        Map<Boolean, Long> workshops = Map.of(true, workshopRegistration(department, staff, day("workshop-registrations", -2)), false,
                workshopRegistration(department, staff, day("workshop-registrations", 2)));
        Map<Boolean, Long> volunteers = Map.of(true, volunteerApplication(group, resident, day("volunteer-applications", -2)), false,
                volunteerApplication(group, resident, day("volunteer-applications", 2)));
        Map<Boolean, Long> conversations = Map.of(true, conversation(group, other, resident, day("conversations", -2)), false,
                conversation(group, other, resident, day("conversations", 2)));
        Map<Boolean, Long> invitations = Map.of(true, invitation(group, staff, day("group-invitations", -2)), false,
                invitation(group, staff, day("group-invitations", 2)));

        Map<String, Integer> counts = retention.run();

        assertThat(text("select booker_name from centre_booking where id = :id", bookings.get(true))).isEqualTo("削除済み");
        assertThat(text("select booker_name from centre_booking where id = :id", bookings.get(false))).isEqualTo("保存 花子");
        assertThat(text("select coalesce(organiser_phone, '') || organiser_representative from support_event where id = :id", events.get(true)))
                .isEqualTo("削除済み");
        assertThat(text("select organiser_phone || organiser_representative from support_event where id = :id", events.get(false)))
                .isEqualTo("0495-81-1234保存 花子");
        assertThat(text("select name || address || phone || coalesce(birth_date::text, '') from council_application where id = :id", councils.get(true)))
                .isEqualTo("削除済み");
        assertThat(text("select name || address || phone from council_application where id = :id", councils.get(false)))
                .isEqualTo("保存 花子本庄市保存町10495-81-1234");
        assertThat(text("select name || address || email from pc_comment where id = :id", comments.get(true)))
                .isEqualTo("削除済み" + "erased-" + comments.get(true) + "@deleted.invalid");
        assertThat(text("select name || address || email from pc_comment where id = :id", comments.get(false)))
                .isEqualTo("保存 花子本庄市保存町1hozon-" + tag + "@example.jp");
        assertThat(text("select name || coalesce(phone, '') || coalesce(address, '') from voice_suggestion where id = :id", suggestions.get(true)))
                .isEqualTo("削除済み");
        assertThat(text("select name || phone from voice_suggestion where id = :id", suggestions.get(false))).isEqualTo("保存 花子0495-81-1234");
        assertThat(text("select name from training_registration where id = :id", courses.get(true))).isEqualTo("削除済み");
        assertThat(text("select name from training_registration where id = :id", courses.get(false))).isEqualTo("保存 花子");
        assertThat(text("select name || coalesce(phone, '') from ws_registration where id = :id", workshops.get(true))).isEqualTo("削除済み");
        assertThat(text("select name || phone from ws_registration where id = :id", workshops.get(false))).isEqualTo("保存 花子0495-81-1234");
        assertThat(text("select applicant_name from vol_application where id = :id", volunteers.get(true))).isEqualTo("削除済み");
        assertThat(text("select applicant_name from vol_application where id = :id", volunteers.get(false))).isEqualTo("保存 花子");
        assertThat(number("select count(*) from vol_app_message where application_id = :id", volunteers.get(true))).isZero();
        assertThat(number("select count(*) from vol_app_message where application_id = :id", volunteers.get(false))).isEqualTo(1);
        // The hours stay: they are the person's certified activity, and the groups' and the city's figures.
        assertThat(number("select count(*) from vol_application where id = :id and hours = 2.0", volunteers.get(true))).isEqualTo(1);
        assertThat(number("select count(*) from vol_conv_message where conversation_id = :id", conversations.get(true))).isZero();
        assertThat(number("select count(*) from vol_conv_message where conversation_id = :id", conversations.get(false))).isEqualTo(1);
        assertThat(number("select count(*) from civic_group_invitation where id = :id", invitations.get(true))).isZero();
        assertThat(number("select count(*) from civic_group_invitation where id = :id", invitations.get(false))).isEqualTo(1);

        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(settings.retention().keySet());
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isPositive());
        Map<String, String> audited = new java.util.HashMap<>();
        jdbc.sql("select record_id, summary from audit_entry where id > :after and action = 'privacy.retention' and record_type = 'personal-data'")
                .param("after", auditBefore).query((rs, i) -> audited.put(rs.getString(1), rs.getString(2))).list();
        assertThat(audited.keySet()).containsExactlyInAnyOrderElementsOf(counts.keySet());
        counts.forEach((kind, count) -> assertThat(audited.get(kind)).startsWith("erased=" + count + " period="));

        // A second run finds nothing left to erase.
        assertThat(retention.run().values()).allSatisfy(count -> assertThat(count).isZero());
    }

    /** The day that many days after the kind's limit (negative: before it, so past the retention period). */
    private LocalDate day(String kind, int days) {
        return LocalDate.now(TOKYO).minus(settings.retention().get(kind)).plusDays(days);
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(12, 0).atZone(TOKYO).toInstant());
    }

    private long booking(long room, long account, LocalDate day) {
        return jdbc.sql("""
                insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                    payment_due_on, paid_amount, paid_on, created_at)
                values (:r, cast(:at as timestamptz) - interval '2 hours', cast(:at as timestamptz) - interval '1 hour', :a, '保存 花子', '会議', 3, 0, 0, 'PAID', :d, 0, :d, :at)
                returning id""").param("r", room).param("at", at(day)).param("a", account).param("d", day).query(Long.class).single();
    }

    private long event(long account, long department, LocalDate day) {
        return jdbc.sql("""
                insert into support_event (kind, applicant_id, organiser_name, organiser_address, organiser_representative, organiser_phone,
                    event_name, purpose, starts_on, ends_on, venue, outline, department_id, status, created_at, updated_at)
                values ('ENDORSEMENT', :a, '個人', '本庄市保存町1', '保存 花子', '0495-81-1234', '催し', '目的', :d, :d, '会場', '概要', :dep,
                    'REFUSED', :at, :at) returning id""")
                .param("a", account).param("d", day).param("dep", department).param("at", at(day)).query(Long.class).single();
    }

    private long councilApplication(long department, long account, LocalDate day) {
        long council = jdbc.sql("insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at) values (:d, :n, '目的', 5, 2, now(), now()) returning id")
                .param("d", department).param("n", "審議会" + UUID.randomUUID()).query(Long.class).single();
        long call = jdbc.sql("""
                insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                    essay_limit, method, status, decided_at, created_at, updated_at)
                values (:c, 1, :d, :d, :d, :d, 18, true, 'テーマ', 800, 'LOTTERY', 'DECIDED', :at, :at, :at) returning id""")
                .param("c", council).param("d", day).param("at", at(day)).query(Long.class).single();
        return jdbc.sql("""
                insert into council_application (call_id, number, account_id, name, furigana, birth_date, address, phone, essay, status, created_at)
                values (:c, 'A-1', :a, '保存 花子', 'ホゾン ハナコ', date '1980-01-01', '本庄市保存町1', '0495-81-1234', '作文', 'NOT_SELECTED', :at)
                returning id""").param("c", call).param("a", account).param("at", at(day)).query(Long.class).single();
    }

    private long comment(long department, long staff, LocalDate day) {
        long procedure = jdbc.sql("""
                insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, result_published_at, created_by,
                    created_at, updated_at)
                values (:d, '計画', '目的', :day, :day, 'RESULT_PUBLISHED', :at, :s, :at, :at) returning id""")
                .param("d", department).param("day", day).param("at", at(day)).param("s", staff).query(Long.class).single();
        return jdbc.sql("""
                insert into pc_comment (procedure_id, name, address, email, eligibility, body, status, created_at)
                values (:p, '保存 花子', '本庄市保存町1', :e, 'LIVE', '意見', 'RECEIVED', :at) returning id""")
                .param("p", procedure).param("e", "hozon-" + tag + "@example.jp").param("at", at(day)).query(Long.class).single();
    }

    private long suggestion(LocalDate day) {
        return jdbc.sql("""
                insert into voice_suggestion (receipt_no, category, subject, body, name, email, phone, address, wants_answer, consents,
                    status, answer, answered_at, created_at, received_at, updated_at)
                values (:r, 'OTHER', '件名', '本文', '保存 花子', :e, '0495-81-1234', '本庄市保存町1', true, true, 'ANSWERED', '回答', :at,
                    :at, :at, :at) returning id""")
                .param("r", "R-" + UUID.randomUUID().toString().substring(0, 12)).param("e", "hozon-" + tag + "@example.jp").param("at", at(day))
                .query(Long.class).single();
    }

    private long courseRegistration(long department, long staff, LocalDate day) {
        long course = jdbc.sql("""
                insert into training_course (department_id, title, description, lecturer, place, target, capacity, application_closes_on,
                    status, created_by, created_at, updated_at)
                values (:d, '講座', '説明', '講師', '会場', 'RESIDENTS', 10, :day, 'PUBLISHED', :s, :at, :at) returning id""")
                .param("d", department).param("day", day).param("s", staff).param("at", at(day)).query(Long.class).single();
        jdbc.sql("insert into training_session (course_id, number, held_on, starts_at, ends_at) values (:c, 1, :day, '10:00', '12:00')")
                .param("c", course).param("day", day).update();
        return jdbc.sql("""
                insert into training_registration (course_id, name, email, status, created_at)
                values (:c, '保存 花子', :e, 'CONFIRMED', :at) returning id""")
                .param("c", course).param("e", "hozon-" + tag + "@example.jp").param("at", at(day)).query(Long.class).single();
    }

    private long workshopRegistration(long department, long staff, LocalDate day) {
        long workshop = jdbc.sql("""
                insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                    registration_closes_on, status, created_by, created_at, updated_at)
                values (:d, 'ワークショップ', 'テーマ', :day, '13:00', '15:00', '会場', 30, '市民', :day, 'PUBLISHED', :s, :at, :at) returning id""")
                .param("d", department).param("day", day).param("s", staff).param("at", at(day)).query(Long.class).single();
        return jdbc.sql("""
                insert into ws_registration (workshop_id, name, email, phone, status, token_hash, created_at)
                values (:w, '保存 花子', :e, '0495-81-1234', 'CONFIRMED', :t, :at) returning id""")
                .param("w", workshop).param("e", "hozon-" + tag + "@example.jp").param("t", UUID.randomUUID().toString())
                .param("at", at(day)).query(Long.class).single();
    }

    private long volunteerApplication(long group, long account, LocalDate day) {
        long opportunity = jdbc.sql("""
                insert into vol_opportunity (group_id, title, description, place, apply_by, status, created_by, created_at, updated_at)
                values (:g, '清掃', '説明', '公園', :day, 'CLOSED', :a, :at, :at) returning id""")
                .param("g", group).param("day", day).param("a", account).param("at", at(day)).query(Long.class).single();
        long shift = jdbc.sql("insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity) values (:o, :day, '09:00', '11:00', 5) returning id")
                .param("o", opportunity).param("day", day).query(Long.class).single();
        long application = jdbc.sql("""
                insert into vol_application (shift_id, opportunity_id, account_id, applicant_name, message, status, attended, hours,
                    created_at, updated_at)
                values (:s, :o, :a, '保存 花子', '参加します', 'ACCEPTED', true, 2.0, :at, :at) returning id""")
                .param("s", shift).param("o", opportunity).param("a", account).param("at", at(day)).query(Long.class).single();
        jdbc.sql("insert into vol_app_message (application_id, from_group, sender_account_id, sender_name, body, created_at) values (:a, false, :acc, '保存 花子', 'よろしく', :at)")
                .param("a", application).param("acc", account).param("at", at(day)).update();
        return application;
    }

    private long conversation(long group, long other, long account, LocalDate day) {
        long conversation = jdbc.sql("""
                insert into vol_conversation (starter_group_id, other_group_id, subject, started_by, created_at, last_message_at)
                values (:g, :o, '相談', :a, :at, :at) returning id""")
                .param("g", group).param("o", other).param("a", account).param("at", at(day)).query(Long.class).single();
        jdbc.sql("insert into vol_conv_message (conversation_id, group_id, author_id, body, created_at) values (:c, :g, :a, '電話します', :at)")
                .param("c", conversation).param("g", group).param("a", account).param("at", at(day)).update();
        return conversation;
    }

    private long invitation(long group, long staff, LocalDate day) {
        return jdbc.sql("""
                insert into civic_group_invitation (group_id, email, role, token_hash, invited_by, created_at, expires_at)
                values (:g, :e, 'MEMBER', :t, :s, :at, :at) returning id""")
                .param("g", group).param("e", "hozon-" + tag + "@example.jp").param("t", UUID.randomUUID().toString()).param("s", staff)
                .param("at", at(day)).query(Long.class).single();
    }

    private String text(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).single();
    }

    private long number(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
