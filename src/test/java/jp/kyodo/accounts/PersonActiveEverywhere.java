package jp.kyodo.accounts;

import java.util.UUID;
import jp.kyodo.TestPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A resident with records in every module, as the modules write them: group representative and contact, proposals and
 * consultations, grant and endorsement applications, public comments, council application and seat, workshop
 * registrations (past and coming), suggestions, courses, bookings (past and coming), volunteering, notices, mail and
 * audit entries. Their name, e-mail, phone and address are unique, so that a search of the whole database finds them.
 */
@Component
class PersonActiveEverywhere {

    private final JdbcClient jdbc;
    private final TestPeople people;
    private final org.springframework.security.core.userdetails.UserDetailsService users;

    PersonActiveEverywhere(JdbcClient jdbc, TestPeople people, org.springframework.security.core.userdetails.UserDetailsService users) {
        this.jdbc = jdbc;
        this.people = people;
        this.users = users;
    }

    /** The person and the ids of what the test checks. */
    record Person(jp.kyodo.accounts.SignedInUser user, long id, String email, String name, String phone, String address,
                  long groupId, long pastWorkshopRegistration, long comingWorkshopRegistration, long comingBooking) {
    }

    Person create() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long staffDepartment = people.department("個人情報課" + tag, true);
        long staff = people.account("職員" + tag, staffDepartment, "STAFF").accountId();
        var user = people.account("privacy-" + tag, null);
        long id = user.accountId();
        String email = user.getUsername();
        String name = "削除 太郎" + tag;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String phone = String.format("0495-8%d-%04d", random.nextInt(10), random.nextInt(10000));
        String address = "埼玉県本庄市消去町" + tag + "番地";
        jdbc.sql("update account set name = :n, name_kana = 'サクジョ タロウ', postal_code = '3670000', address = :a, phone = :p where id = :id")
                .param("n", name).param("a", address).param("p", phone).param("id", id).update();

        // Groups: representative and contact of a registered group, its history, a change notice, invitations, a document.
        long group = people.registeredGroup("消去テストの会" + tag, id);
        jdbc.sql("""
                update civic_group set rep_name = :n, rep_address = :a, rep_phone = :p, rep_email = :e, rep_postal_code = '3670000',
                       contact_name = :n, contact_address = :a, contact_phone = :p, contact_email = :e where id = :g""")
                .param("n", name).param("a", address).param("p", phone).param("e", email).param("g", group).update();
        jdbc.sql("insert into civic_group_history (group_id, occurred_at, actor_id, actor_name, event, message) values (:g, now(), :id, :n, 'SUBMITTED', :m)")
                .param("g", group).param("id", id).param("n", name).param("m", "代表者 " + name + " が申請").update();
        jdbc.sql("insert into civic_group_change (group_id, part, proposal, status, submitted_by, submitted_at) values (:g, 2, :p, 'PENDING', :id, now())")
                .param("g", group).param("p", "{\"repName\":\"" + name + "\",\"repEmail\":\"" + email + "\",\"repPhone\":\"" + phone + "\"}")
                .param("id", id).update();
        jdbc.sql("""
                insert into civic_group_invitation (group_id, email, role, token_hash, invited_by, created_at, expires_at)
                values (:g, :e, 'MEMBER', :t, :s, now(), now() + interval '7 days')""")
                .param("g", group).param("e", email).param("t", "inv" + tag).param("s", staff).update();
        jdbc.sql("""
                insert into civic_group_consent_request (group_id, role, email, token_hash, created_at, expires_at)
                values (:g, 'REP', :e, :t, now(), now() + interval '7 days')""")
                .param("g", group).param("e", email).param("t", "con" + tag).update();
        jdbc.sql("""
                insert into civic_group_document (group_id, kind, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values (:g, 'RULES', 'kiyaku.pdf', 'application/pdf', 4, '\\x25504446'::bytea, :id, now())""")
                .param("g", group).param("id", id).update();

        // Collaboration: a proposal under consultation, an agreement confirmed and commented, an evaluation.
        long call = jdbc.sql("""
                insert into collab_call (origin, fiscal_year, title, department_id, application_opens, application_closes, status,
                                         created_by, created_at, updated_at)
                values ('CITY', 2026, :t, :d, current_date - 30, current_date + 30, 'PUBLISHED', :s, now(), now()) returning id""")
                .param("t", "テーマ" + tag).param("d", staffDepartment).param("s", staff).query(Long.class).single();
        long proposal = jdbc.sql("""
                insert into collab_proposal (call_id, group_id, status, title, content, capacity, created_by, created_at, updated_at)
                values (:c, :g, 'ADOPTED', '提案', :content, :cap, :id, now(), now()) returning id""")
                .param("c", call).param("g", group).param("content", "連絡先は " + name + " まで")
                .param("cap", "代表 " + name).param("id", id).query(Long.class).single();
        long consultation = jdbc.sql("insert into collab_consultation (proposal_id, opened_by, opened_at) values (:p, :id, now()) returning id")
                .param("p", proposal).param("id", id).query(Long.class).single();
        jdbc.sql("""
                insert into collab_consultation_message (consultation_id, side, author_id, author_name, body, created_at)
                values (:c, 'GROUP', :id, :n, '相談します', now())""").param("c", consultation).param("id", id).param("n", name).update();
        long project = jdbc.sql("insert into collab_project (proposal_id, status, created_at, updated_at) values (:p, 'RUNNING', now(), now()) returning id")
                .param("p", proposal).query(Long.class).single();
        long agreement = jdbc.sql("""
                insert into collab_agreement (project_id, number, status, purpose, period_from, period_to, roles, cost_sharing,
                    information_sharing, personal_data, outputs, change_termination, group_confirmed_by, group_confirmed_name,
                    group_confirmed_at, created_by, created_at, updated_at)
                values (:p, 1, 'SIGNED', '目的', current_date, current_date + 300, '役割', '費用', '情報', '個人情報', '成果', '変更',
                    :id, :n, now(), :s, now(), now()) returning id""")
                .param("p", project).param("id", id).param("n", name).param("s", staff).query(Long.class).single();
        jdbc.sql("""
                insert into collab_agreement_comment (agreement_id, side, author_id, author_name, body, created_at)
                values (:a, 'GROUP', :id, :n, '確認しました', now())""").param("a", agreement).param("id", id).param("n", name).update();
        jdbc.sql("""
                insert into collab_evaluation (project_id, side, account_id, author_name, status, comment, updated_at)
                values (:p, 'GROUP', :id, :n, 'SUBMITTED', 'よくできた', now())""").param("p", project).param("id", id).param("n", name).update();
        jdbc.sql("""
                insert into collab_file (owner_type, owner_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values ('PROPOSAL', :p, 'keikaku.pdf', 'application/pdf', 4, '\\x25504446'::bytea, :id, now())""")
                .param("p", proposal).param("id", id).update();

        // Support: an endorsement applied for as an individual organiser, a grant.
        jdbc.sql("""
                insert into support_event (kind, applicant_id, organiser_name, organiser_address, organiser_representative, organiser_phone,
                    organiser_email, event_name, purpose, starts_on, ends_on, venue, outline, department_id, status, created_at, updated_at)
                values ('ENDORSEMENT', :id, :n, :a, :n, :p, :e, '講演会', '目的', current_date + 40, current_date + 40, '会場', '概要', :d,
                    'APPROVED', now(), now())""")
                .param("id", id).param("n", name).param("a", address).param("p", phone).param("e", email).param("d", staffDepartment).update();
        long programme = jdbc.sql("""
                insert into support_programme (fiscal_year, name, purpose, registered_only, max_amount, rate_percent, budget, opens_on,
                    closes_on, department_id, created_at)
                values (2026, :n, '目的', false, 100000, 50, 1000000, current_date - 10, current_date + 10, :d, now()) returning id""")
                .param("n", "補助" + tag).param("d", staffDepartment).query(Long.class).single();
        jdbc.sql("""
                insert into support_grant (programme_id, group_id, applicant_id, applicant_name, project_name, purpose, total_cost,
                    requested_amount, status, granted_amount, created_at, updated_at)
                values (:pg, null, :id, :n, '事業', '目的', 100000, 50000, 'GRANTED', 50000, now(), now())""")
                .param("pg", programme).param("id", id).param("n", name).update();

        // Participation: a public comment, a decided council application and a seat, workshops past and coming, a suggestion.
        long procedure = jdbc.sql("""
                insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, created_by, created_at, updated_at)
                values (:d, :t, '目的', current_date - 20, current_date - 1, 'PUBLISHED', :s, now(), now()) returning id""")
                .param("d", staffDepartment).param("t", "計画" + tag).param("s", staff).query(Long.class).single();
        jdbc.sql("""
                insert into pc_comment (procedure_id, name, address, email, eligibility, body, account_id, status, created_at)
                values (:p, :n, :a, :e, 'LIVE', '賛成です', :id, 'RECEIVED', now())""")
                .param("p", procedure).param("n", name).param("a", address).param("e", email).param("id", id).update();
        long council = jdbc.sql("""
                insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at)
                values (:d, :n, '目的', 10, 2, now(), now()) returning id""").param("d", staffDepartment).param("n", "審議会" + tag)
                .query(Long.class).single();
        long councilCall = jdbc.sql("""
                insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                    essay_limit, method, status, decided_at, created_at, updated_at)
                values (:c, 2, current_date - 60, current_date - 30, current_date, current_date + 700, 18, true, 'テーマ', 800, 'LOTTERY',
                    'DECIDED', now(), now(), now()) returning id""").param("c", council).query(Long.class).single();
        jdbc.sql("""
                insert into council_application (call_id, number, account_id, name, furigana, birth_date, address, phone, essay, status, created_at)
                values (:c, 'A-1', :id, :n, 'サクジョ タロウ', date '1980-04-01', :a, :p, '作文', 'SELECTED', now())""")
                .param("c", councilCall).param("id", id).param("n", name).param("a", address).param("p", phone).update();
        jdbc.sql("""
                insert into council_member (council_id, name, role, category, term_start, term_end, account_id, call_id, created_at)
                values (:c, :n, 'MEMBER', 'PUBLIC', current_date, current_date + 700, :id, :k, now())""")
                .param("c", council).param("n", name).param("id", id).param("k", councilCall).update();
        long pastWorkshop = workshop(staffDepartment, staff, "過去" + tag, -30);
        long comingWorkshop = workshop(staffDepartment, staff, "今後" + tag, 30);
        long pastRegistration = workshopRegistration(pastWorkshop, id, name, email, phone, "p" + tag);
        long comingRegistration = workshopRegistration(comingWorkshop, id, name, email, phone, "c" + tag);
        jdbc.sql("""
                insert into voice_suggestion (receipt_no, category, subject, body, name, email, phone, address, wants_answer, consents,
                    account_id, status, answer, answered_by, answered_at, created_at, received_at, updated_at)
                values (:r, 'OTHER', '公園について', 'ベンチを増やして', :n, :e, :p, :a, true, true, :id, 'ANSWERED', '検討します', :s, now(),
                    now(), now(), now())""")
                .param("r", "V-" + tag).param("n", name).param("e", email).param("p", phone).param("a", address).param("id", id)
                .param("s", staff).update();

        // Training: a past course attended with its survey answered.
        long course = jdbc.sql("""
                insert into training_course (department_id, title, description, lecturer, place, target, capacity, application_closes_on,
                    status, created_by, created_at, updated_at)
                values (:d, :t, '説明', '講師', '会場', 'RESIDENTS', 20, current_date - 40, 'PUBLISHED', :s, now(), now()) returning id""")
                .param("d", staffDepartment).param("t", "講座" + tag).param("s", staff).query(Long.class).single();
        long session = jdbc.sql("""
                insert into training_session (course_id, number, held_on, starts_at, ends_at) values (:c, 1, current_date - 20, '10:00', '12:00')
                returning id""").param("c", course).query(Long.class).single();
        long registration = jdbc.sql("""
                insert into training_registration (course_id, account_id, name, email, status, created_at)
                values (:c, :id, :n, :e, 'CONFIRMED', now()) returning id""")
                .param("c", course).param("id", id).param("n", name).param("e", email).query(Long.class).single();
        jdbc.sql("insert into training_attendance (session_id, registration_id) values (:s, :r)").param("s", session).param("r", registration).update();
        jdbc.sql("insert into training_feedback (registration_id, satisfaction, usefulness, comment, answered_at) values (:r, 5, 4, '良かった', now())")
                .param("r", registration).update();

        // Centre: a past paid booking, a coming one, an advisor request; on days of their own (the account id), so that
        // persons made by other tests never book the same hour.
        long room = jdbc.sql("select id from centre_room order by id limit 1").query(Long.class).single();
        jdbc.sql("""
                insert into centre_booking (room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, rate, fee,
                    status, payment_due_on, paid_amount, paid_on, created_at)
                values (:r, date_trunc('hour', now()) - make_interval(days => :days), date_trunc('hour', now()) - make_interval(days => :days)
                    + interval '1 hour', :id, null, :n, '会議', 5, 1000, 1000, 'PAID', current_date - 400, 1000, current_date - 401, now())""")
                .param("r", room).param("days", 400 + (int) id).param("id", id).param("n", name).update();
        long comingBooking = jdbc.sql("""
                insert into centre_booking (room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, rate, fee,
                    status, payment_due_on, created_at)
                values (:r, date_trunc('hour', now()) + make_interval(days => :days), date_trunc('hour', now()) + make_interval(days => :days)
                    + interval '1 hour', :id, null, :n, '会議', 5, 1000, 1000, 'BOOKED', current_date + 890, now()) returning id""")
                .param("r", room).param("days", 900 + (int) id).param("id", id).param("n", name).query(Long.class).single();
        jdbc.sql("""
                insert into centre_advisor_request (group_id, group_name, requested_by, topic, details, preferred_dates, status, created_at, updated_at)
                values (:g, '消去テストの会', :id, 'ACCOUNTING', :d, '来週', 'REQUESTED', now(), now())""")
                .param("g", group).param("id", id).param("d", "担当は" + name).update();

        // Volunteering: a past activity with hours and messages, a conversation, a report.
        long opportunity = jdbc.sql("""
                insert into vol_opportunity (group_id, title, description, place, apply_by, status, created_by, created_at, updated_at)
                values (:g, '清掃', '説明', '公園', current_date - 10, 'PUBLISHED', :id, now(), now()) returning id""")
                .param("g", group).param("id", id).query(Long.class).single();
        long shift = jdbc.sql("""
                insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity) values (:o, current_date - 5, '09:00', '11:00', 5)
                returning id""").param("o", opportunity).query(Long.class).single();
        long application = jdbc.sql("""
                insert into vol_application (shift_id, opportunity_id, account_id, applicant_name, message, status, attended, hours,
                    created_at, updated_at)
                values (:s, :o, :id, :n, '参加します', 'ACCEPTED', true, 2.0, now(), now()) returning id""")
                .param("s", shift).param("o", opportunity).param("id", id).param("n", name).query(Long.class).single();
        jdbc.sql("""
                insert into vol_app_message (application_id, from_group, sender_account_id, sender_name, body, created_at)
                values (:a, false, :id, :n, :b, now())""")
                .param("a", application).param("id", id).param("n", name).param("b", "電話は " + phone + " です").update();
        long other = people.registeredGroup("相手の会" + tag, staff);
        long conversation = jdbc.sql("""
                insert into vol_conversation (starter_group_id, other_group_id, subject, started_by, created_at, last_message_at)
                values (:g, :o, '相談', :id, now(), now()) returning id""").param("g", group).param("o", other).param("id", id)
                .query(Long.class).single();
        jdbc.sql("insert into vol_conv_message (conversation_id, group_id, author_id, body, created_at) values (:c, :g, :id, :b, now())")
                .param("c", conversation).param("g", group).param("id", id).param("b", "メールは " + email + " へ").update();
        jdbc.sql("""
                insert into vol_report (post_type, post_id, reason, details, reporter_id, reporter_key, status, created_at)
                values ('OPPORTUNITY', :o, 'SPAM', '不適切', :id, :k, 'OPEN', now())""")
                .param("o", opportunity).param("id", id).param("k", "key" + tag).update();

        // Notifications and audit: a notice, a follow, a mail sent to them, a staff mail naming them, an audit line about them.
        jdbc.sql("insert into notice (account_id, kind, title, created_at) values (:id, 'REGISTRY', 'お知らせ', now())").param("id", id).update();
        jdbc.sql("insert into notice_follow (account_id, topic, created_at) values (:id, 'calls', now())").param("id", id).update();
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, status, next_attempt_at, created_at, sent_at)
                values (:e, '受付', :b, 'SENT', now(), now(), now())""").param("e", email).param("b", name + " 様").update();
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, status, next_attempt_at, created_at, sent_at)
                values ('staff@example.jp', '申請の受付', :b, 'SENT', now(), now(), now())""")
                .param("b", name + "(" + email + ")から申請がありました").update();
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_name, action, record_type, record_id, summary)
                values (now(), :s, '職員', 'group.invite', 'group', :g, :sum)""")
                .param("s", staff).param("g", String.valueOf(group)).param("sum", "招待: " + email).update();
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_name, action, record_type, record_id, summary)
                values (now(), :id, :n, 'account.profile.update', 'account', :rid, null)""")
                .param("id", id).param("n", name).param("rid", String.valueOf(id)).update();
        return new Person((SignedInUser) users.loadUserByUsername(email), id, email, name, phone, address, group, pastRegistration, comingRegistration, comingBooking);
    }

    private long workshop(long department, long staff, String title, int days) {
        return jdbc.sql("""
                insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                    registration_closes_on, status, created_by, created_at, updated_at)
                values (:d, :t, 'テーマ', current_date + :days, '13:00', '15:00', '会場', 30, '市民', current_date + :days - 1, 'PUBLISHED',
                    :s, now(), now()) returning id""")
                .param("d", department).param("t", title).param("days", days).param("s", staff).query(Long.class).single();
    }

    private long workshopRegistration(long workshop, long id, String name, String email, String phone, String token) {
        return jdbc.sql("""
                insert into ws_registration (workshop_id, name, email, phone, account_id, status, token_hash, created_at)
                values (:w, :n, :e, :p, :id, 'CONFIRMED', :t, now()) returning id""")
                .param("w", workshop).param("n", name).param("e", email).param("p", phone).param("id", id).param("t", token)
                .query(Long.class).single();
    }
}
