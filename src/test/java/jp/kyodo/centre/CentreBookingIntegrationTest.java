package jp.kyodo.centre;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The centre's rules as a booker and the staff meet them: rooms and rates, the booking window by booker type, hours,
 * limits and capacity, the fee on the confirmation page, no double booking (also under 20 simultaneous attempts),
 * cancellation, the unpaid-booking job with its mails, payments, maintenance blocks and the audit trail.
 */
@IntegrationTest
class CentreBookingIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Bookings bookings;
    @Autowired CentreSettings settings;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired MessageSource messages;

    CentreTestData data;
    LocalDate today;

    record Person(Long accountId, String displayName) implements Actor {
    }

    @BeforeEach
    void setUp() {
        data = new CentreTestData(jdbc, users, settings, encoder.encode("test-password-1"));
        today = bookings.today();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private Map<String, String> form(long room, LocalDate date, int start, int end, String booker, int people) {
        Map<String, String> f = new HashMap<>();
        f.put("room", String.valueOf(room));
        f.put("date", date.toString());
        f.put("start", String.valueOf(start));
        f.put("end", String.valueOf(end));
        f.put("booker", booker);
        f.put("purpose", "定例会議");
        f.put("people", String.valueOf(people));
        return f;
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.problems().getFirst().field() + ":" + e.problems().getFirst().messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void roomsAreListedWithCapacityEquipmentRatesAndHours() throws Exception {
        assertThat(bookings.rooms()).extracting(Bookings.Room::name)
                .contains("多目的ホール", "調理室", "音楽スタジオA", "音楽スタジオB", "会議室A", "会議室B");
        mvc.perform(get("/centre")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("はにぽんプラザ")))
                .andExpect(content().string(Matchers.containsString("多目的ホール")))
                .andExpect(content().string(Matchers.containsString("120人")))
                .andExpect(content().string(Matchers.containsString("プロジェクター")))
                .andExpect(content().string(Matchers.containsString("1,000円")))
                .andExpect(content().string(Matchers.containsString("2,000円")))
                .andExpect(content().string(Matchers.containsString("9時から22時まで")))
                .andExpect(content().string(Matchers.containsString("12月29日から1月3日まで")));
        long hall = data.room("hall");
        // The week's calendar: closed days, a table with headers, free cells linking to the form.
        LocalDate newYear = LocalDate.of(today.getYear() + 1, 1, 2);
        mvc.perform(get("/centre/rooms/" + hall).param("week", newYear.toString())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("休館")))
                .andExpect(content().string(Matchers.containsString("<th scope=\"row\">9:00〜10:00</th>")));
        LocalDate day = data.openDay(today.plusDays(6));
        mvc.perform(get("/centre/rooms/" + hall).param("week", day.toString())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/my/centre/book?room=" + hall + "&amp;date=" + day + "&amp;start=10")));
        mvc.perform(get("/centre/rooms/99999")).andExpect(status().isNotFound());
        mvc.perform(get("/my/centre/book")).andExpect(status().is3xxRedirection());
    }

    @Test
    void bookingRulesByBookerType() {
        long managerId = data.accountId("ct-rules", "規則 花子", null);
        Person manager = new Person(managerId, "規則 花子");
        long group = data.group("規則を守る会" + CentreTestData.tag(), managerId, "REGISTERED");
        long expiredGroup = data.group("期限切れの会" + CentreTestData.tag(), managerId, "EXPIRED");
        long room = data.room("meeting-b");
        LocalDate near = data.openDay(today.plusDays(12));

        // Closed over the New Year, and outside opening hours.
        LocalDate dec30 = LocalDate.of(today.getYear(), 12, 30);
        if (!dec30.isAfter(today)) {
            dec30 = dec30.plusYears(1);
        }
        LocalDate closed = dec30;
        assertThat(refusal(() -> bookings.quote(manager, form(room, closed, 10, 12, String.valueOf(group), 5))))
                .isEqualTo("date:validation.centre.closed");
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 8, 10, "self", 5)))).isEqualTo("start:validation.centre.hours");
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 21, 23, "self", 5)))).isEqualTo("end:validation.centre.hours");
        assertThat(refusal(() -> bookings.quote(manager, form(room, today.minusDays(1), 10, 11, "self", 5)))).isEqualTo("date:validation.centre.past");
        // At most four hours, end after start, within the room's capacity (12).
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 9, 14, "self", 5)))).isEqualTo("end:validation.centre.maxHours");
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 12, 11, "self", 5)))).isEqualTo("end:validation.centre.endBeforeStart");
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 9, 10, "self", 13)))).isEqualTo("people:validation.centre.capacity");
        // Only a registered group the account manages.
        assertThat(refusal(() -> bookings.quote(manager, form(room, near, 9, 10, String.valueOf(expiredGroup), 5))))
                .isEqualTo("booker:validation.centre.notYourGroup");
        Person stranger = new Person(data.accountId("ct-stranger", "他人 一郎", null), "他人 一郎");
        assertThat(refusal(() -> bookings.quote(stranger, form(room, near, 9, 10, String.valueOf(group), 5))))
                .isEqualTo("booker:validation.centre.notYourGroup");

        // A group books further ahead than a private person, and neither beyond its window.
        LocalDate twoMonths = data.openDay(today.plusMonths(2));
        assertThat(bookings.quote(manager, form(room, twoMonths, 10, 12, String.valueOf(group), 5)).fee()).isEqualTo(400);
        assertThat(refusal(() -> bookings.quote(manager, form(room, twoMonths, 10, 12, "self", 5)))).isEqualTo("date:validation.centre.tooFarAhead");
        LocalDate beyond = data.openDay(today.plusMonths(settings.groupAdvanceMonths()).plusDays(1));
        assertThat(refusal(() -> bookings.quote(manager, form(room, beyond, 10, 12, String.valueOf(group), 5))))
                .isEqualTo("date:validation.centre.tooFarAheadGroup");

        // The fee by booker type: the activity rate for the group, the standard rate for a person (会議室B: 200/400 yen).
        Bookings.Quote asGroup = bookings.quote(manager, form(room, near, 9, 12, String.valueOf(group), 5));
        Bookings.Quote asPerson = bookings.quote(manager, form(room, near, 9, 12, "self", 5));
        assertThat(asGroup.fee()).isEqualTo(600);
        assertThat(asGroup.group()).isTrue();
        assertThat(asPerson.fee()).isEqualTo(1200);
        assertThat(asPerson.bookerName()).isEqualTo("規則 花子");

        // Several problems at once, each on its field.
        Map<String, String> bad = form(room, near, 9, 10, "", 0);
        bad.put("purpose", "");
        InvalidInputException all = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> bookings.quote(manager, bad));
        assertThat(all.problems()).extracting(InvalidInputException.Problem::field).contains("booker", "purpose", "people");
    }

    @Test
    void perMonthLimit() {
        long id = data.accountId("ct-limit", "上限 次郎", null);
        Person person = new Person(id, "上限 次郎");
        long room = data.room("kitchen");
        LocalDate day = data.openDay(today.plusDays(9));
        for (int i = 0; i < settings.maxBookingsPerMonth(); i++) {
            bookings.book(person, form(room, day, 9 + i, 10 + i, "self", 4));
        }
        assertThat(refusal(() -> bookings.book(person, form(room, day, 20, 21, "self", 4)))).isEqualTo("date:validation.centre.monthlyLimit");
        // Cancelling one frees a place in the month's count.
        long first = bookings.mine(id).getLast().id();
        bookings.cancelMine(person, first, 0);
        bookings.book(person, form(room, day, 20, 21, "self", 4));
    }

    @Test
    void feeShownOnConfirmationThenBookedAndTakenForOthers() throws Exception {
        SignedInUser manager = data.account("ct-fee", "料金 花子", null);
        long group = data.group("本庄まちづくりの会" + CentreTestData.tag(), manager.accountId(), "REGISTERED");
        SignedInUser other = data.account("ct-other", "別の 人", null);
        long hall = data.room("hall");
        LocalDate day = data.openDay(today.plusDays(15));

        // The form keeps what was typed and names the mistakes.
        mvc.perform(post("/my/centre/book").with(csrf()).with(user(manager)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "10").param("end", "12").param("booker", String.valueOf(group)).param("purpose", "まちづくり講座")
                        .param("people", "150"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("この施設の定員は120人です")))
                .andExpect(content().string(Matchers.containsString("value=\"まちづくり講座\"")));
        // The confirmation page shows the fee at the activity rate; nothing is booked yet.
        mvc.perform(post("/my/centre/book").with(csrf()).with(user(manager)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "10").param("end", "12").param("booker", String.valueOf(group)).param("purpose", "まちづくり講座")
                        .param("people", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2,000円")))
                .andExpect(content().string(Matchers.containsString("団体活動料金")))
                .andExpect(content().string(Matchers.containsString("予約を確定する")));
        assertThat(jdbc.sql("select count(*) from centre_booking where room_id = :r and account_id = :a").param("r", hall)
                .param("a", manager.accountId()).query(Long.class).single()).isZero();
        // The same request as a private person costs the standard rate.
        mvc.perform(post("/my/centre/book").with(csrf()).with(user(manager)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "10").param("end", "12").param("booker", "self").param("purpose", "まちづくり講座").param("people", "60"))
                .andExpect(content().string(Matchers.containsString("4,000円")));
        String location = mvc.perform(post("/my/centre/book/confirm").with(csrf()).with(user(manager)).param("room", String.valueOf(hall))
                        .param("date", day.toString()).param("start", "10").param("end", "12").param("booker", String.valueOf(group))
                        .param("purpose", "まちづくり講座").param("people", "60"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String receipt = awaitMail(greenMail, manager.getUsername(), "施設の予約を受け付けました");
        assertThat(receipt).contains("多目的ホール").contains("2,000円").contains("10:00〜12:00").contains("/my/centre/bookings/" + id);
        mvc.perform(get("/my/centre/bookings").with(user(manager))).andExpect(content().string(Matchers.containsString("多目的ホール")));

        // Another person sees the hours taken, cannot book them (nor an overlapping slot), nor see or cancel the booking.
        mvc.perform(get("/centre/rooms/" + hall).param("week", day.toString()))
                .andExpect(content().string(Matchers.not(Matchers.containsString("date=" + day + "&amp;start=10\""))))
                .andExpect(content().string(Matchers.containsString("予約済み")));
        mvc.perform(post("/my/centre/book").with(csrf()).with(user(other)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "10").param("end", "12").param("booker", "self").param("purpose", "同じ時間").param("people", "10"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("その時間はすでに予約されています")));
        mvc.perform(post("/my/centre/book/confirm").with(csrf()).with(user(other)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "11").param("end", "13").param("booker", "self").param("purpose", "重なる時間").param("people", "10"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("その時間はすでに予約されています")));
        mvc.perform(get("/my/centre/bookings/" + id).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/my/centre/bookings/" + id + "/cancel").with(csrf()).with(user(other)).param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(bookings.find(id).status()).isEqualTo(Bookings.Status.BOOKED);
        // Adjacent hours are free.
        mvc.perform(post("/my/centre/book/confirm").with(csrf()).with(user(other)).param("room", String.valueOf(hall)).param("date", day.toString())
                        .param("start", "12").param("end", "13").param("booker", "self").param("purpose", "続きの時間").param("people", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'centre_booking' and record_id = :id and action = 'centre.book'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void identicalAndOverlappingSlotsAreRefusedAlsoByTheDatabase() {
        long room = data.room("studio-b");
        LocalDate day = data.openDay(today.plusDays(11));
        Person first = new Person(data.accountId("ct-first", "先に 予約", null), "先に 予約");
        Person second = new Person(data.accountId("ct-second", "後から 予約", null), "後から 予約");
        long id = bookings.book(first, form(room, day, 14, 16, "self", 3));
        assertThat(refusal(() -> bookings.book(second, form(room, day, 14, 16, "self", 3)))).isEqualTo("start:validation.centre.taken");
        assertThat(refusal(() -> bookings.book(second, form(room, day, 15, 17, "self", 3)))).isEqualTo("start:validation.centre.taken");
        assertThat(refusal(() -> bookings.book(second, form(room, day, 13, 15, "self", 3)))).isEqualTo("start:validation.centre.taken");
        assertThat(refusal(() -> bookings.book(second, form(room, day, 12, 18, "self", 3)))).isEqualTo("end:validation.centre.maxHours");
        assertThat(refusal(() -> bookings.book(second, form(room, day, 13, 17, "self", 3)))).isEqualTo("start:validation.centre.taken");
        assertThat(messages.getMessage("validation.centre.taken", null, java.util.Locale.JAPANESE)).startsWith("その時間はすでに予約されています");
        // Even written past the application, the database refuses an overlapping live booking.
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                            payment_due_on, created_at)
                        select room_id, starts_at + interval '1 hour', ends_at + interval '1 hour', account_id, booker_name, purpose, people, rate,
                            fee, 'BOOKED', payment_due_on, now() from centre_booking where id = :id""").param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** Twenty people book the same hour at the same moment: exactly one gets it, the others are told it is taken. */
    @RepeatedTest(3)
    void concurrentBookingsOfTheSameSlot(RepetitionInfo repetition) throws Exception {
        long room = data.room("studio-a");
        LocalDate day = data.openDay(today.plusDays(5));
        int hour = 9 + repetition.getCurrentRepetition() * 3;
        int threads = 20;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            people.add(new Person(data.accountId("ct-race", "同時 " + i, null), "同時 " + i));
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = new ArrayList<>();
        for (Person p : people) {
            results.add(pool.submit(() -> {
                RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
                ready.countDown();
                start.await();
                try {
                    bookings.book(p, form(room, day, hour, hour + 2, "self", 4));
                    return "booked";
                } catch (InvalidInputException e) {
                    return messages.getMessage(e.problems().getFirst().messageKey(), e.problems().getFirst().arguments(), java.util.Locale.JAPANESE);
                }
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes.stream().filter("booked"::equals).count()).as("exactly one booking").isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> !o.equals("booked")))
                .hasSize(threads - 1).allMatch(o -> o.startsWith("その時間はすでに予約されています"));
        assertThat(jdbc.sql("""
                        select count(*) from centre_booking where room_id = :r and status in ('BOOKED', 'PAID')
                        and starts_at < :until and ends_at > :from""")
                .param("r", room).param("from", java.sql.Timestamp.from(day.atTime(hour, 0).atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant()))
                .param("until", java.sql.Timestamp.from(day.atTime(hour + 2, 0).atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cancellationRules() throws Exception {
        SignedInUser booker = data.account("ct-cancel", "取消 三郎", null);
        long room = data.room("meeting-a");
        LocalDate far = data.openDay(today.plusDays(settings.cancelDaysBeforeUse() + 5));
        long id = bookings.book(booker, form(room, far, 20, 22, "self", 4));
        // A stale form is refused; the current one cancels and mails.
        mvc.perform(post("/my/centre/bookings/" + id + "/cancel").with(csrf()).with(user(booker)).param("version", "7"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        mvc.perform(post("/my/centre/bookings/" + id + "/cancel").with(csrf()).with(user(booker)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(bookings.find(id).status()).isEqualTo(Bookings.Status.CANCELLED);
        awaitMail(greenMail, booker.getUsername(), "施設の予約を取り消しました");
        // The hours are free again.
        long again = bookings.book(booker, form(room, far, 20, 22, "self", 4));
        // Too close to the day of use: not online.
        jdbc.sql("update centre_booking set starts_at = starts_at - (:d || ' days')::interval, ends_at = ends_at - (:d || ' days')::interval where id = :id")
                .param("d", String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(today.plusDays(1), far))).param("id", again).update();
        assertThat(bookings.cancellable(bookings.find(again))).isFalse();
        assertThat(refusal(() -> bookings.cancelMine(booker, again, 0))).isEqualTo("version:validation.centre.tooLateToCancel");
        mvc.perform(get("/my/centre/bookings/" + again).with(user(booker)))
                .andExpect(content().string(Matchers.containsString("センターの窓口にご連絡ください")));
    }

    @Test
    void unpaidBookingIsRemindedThenCancelled() {
        Person booker = new Person(data.accountId("ct-unpaid", "未払 四郎", null), "未払 四郎");
        String email = jdbc.sql("select email from account where id = :id").param("id", booker.accountId()).query(String.class).single();
        long hall = data.room("hall");
        LocalDate day = data.openDay(today.plusDays(20));
        long id = bookings.book(booker, form(hall, day, 18, 20, "self", 30));
        Bookings.Booking b = bookings.find(id);
        assertThat(b.paymentDueOn()).isEqualTo(today.plusDays(settings.paymentDays()));
        LocalDate due = b.paymentDueOn();

        bookings.processUnpaid(due.minusDays(settings.reminderDays() + 1));
        assertThat(jdbc.sql("select reminded_at is null from centre_booking where id = :id").param("id", id).query(Boolean.class).single()).isTrue();
        bookings.processUnpaid(due.minusDays(settings.reminderDays()));
        assertThat(awaitMail(greenMail, email, "お支払い期限が近づいています")).contains("多目的ホール").contains("4,000円");
        bookings.processUnpaid(due.minusDays(1));
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :e and subject like '%お支払い期限が近づいています%'").param("e", email)
                .query(Long.class).single()).as("one reminder only").isEqualTo(1);
        bookings.processUnpaid(due);
        assertThat(bookings.find(id).status()).isEqualTo(Bookings.Status.BOOKED);
        bookings.processUnpaid(due.plusDays(1));
        assertThat(bookings.find(id).status()).isEqualTo(Bookings.Status.EXPIRED);
        assertThat(awaitMail(greenMail, email, "お支払いがなかったため予約を取り消しました")).contains("多目的ホール");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'centre_booking' and record_id = :id and action = 'centre.expire'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        // The hours are free again.
        bookings.book(booker, form(hall, day, 18, 20, "self", 30));
    }

    @Test
    void staffRecordPaymentBlockRoomsAndCancelWithAudit() throws Exception {
        SignedInUser staff = data.account("ct-staff", "窓口 職員", "STAFF");
        SignedInUser booker = data.account("ct-payer", "支払 五郎", null);
        long hall = data.room("hall");
        LocalDate day = data.openDay(today.plusDays(8));
        long id = bookings.book(booker, form(hall, day, 9, 11, "self", 40));

        mvc.perform(get("/staff/centre").with(user(booker))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/centre").param("date", day.toString()).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("支払 五郎")));
        mvc.perform(get("/staff/centre/week").param("week", day.toString()).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("支払 五郎")));
        // The amount must be the fee.
        mvc.perform(post("/staff/centre/bookings/" + id + "/payment").with(csrf()).with(user(staff)).param("version", "0").param("amount", "1000")
                        .param("method", "CASH").param("paidOn", today.toString()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("使用料(4,000円)と同じ金額")))
                .andExpect(content().string(Matchers.containsString("value=\"1000\"")));
        mvc.perform(post("/staff/centre/bookings/" + id + "/payment").with(csrf()).with(user(staff)).param("version", "0").param("amount", "4,000円")
                        .param("method", "CASH").param("paidOn", today.toString()))
                .andExpect(status().is3xxRedirection());
        Bookings.Booking paid = bookings.find(id);
        assertThat(paid.status()).isEqualTo(Bookings.Status.PAID);
        assertThat(paid.paidAmount()).isEqualTo(4000);
        awaitMail(greenMail, booker.getUsername(), "使用料のお支払いを確認しました");

        // A block over a booking is refused, naming it; elsewhere it makes the hours unavailable.
        mvc.perform(post("/staff/centre/blocks").with(csrf()).with(user(staff)).param("room", String.valueOf(hall)).param("fromDate", day.toString())
                        .param("fromHour", "10").param("untilDate", day.toString()).param("untilHour", "14").param("reason", "空調の点検"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("その期間には予約が1件あります")))
                .andExpect(content().string(Matchers.containsString("支払 五郎")));
        mvc.perform(post("/staff/centre/blocks").with(csrf()).with(user(staff)).param("room", String.valueOf(hall)).param("fromDate", day.toString())
                        .param("fromHour", "13").param("untilDate", day.toString()).param("untilHour", "17").param("reason", "空調の点検"))
                .andExpect(status().is3xxRedirection());
        assertThat(refusal(() -> bookings.book(booker, form(hall, day, 15, 16, "self", 10)))).isEqualTo("start:validation.centre.blocked");
        mvc.perform(get("/staff/centre/blocks").with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("空調の点検")));
        mvc.perform(get("/staff/centre").param("date", day.toString()).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("保守")));
        mvc.perform(get("/staff/centre/bookings/" + id).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("4,000円(現金(窓口)")));
        Bookings.Week week = bookings.week(hall, day);
        assertThat(week.rows().stream().filter(r -> r.hour() == 14).findFirst().orElseThrow().cells().stream()
                .filter(c -> c.date().equals(day)).findFirst().orElseThrow().slot()).isEqualTo(Bookings.Slot.BLOCKED);
        mvc.perform(get("/centre/rooms/" + hall).param("week", day.toString())).andExpect(content().string(Matchers.containsString("保守")));

        // The staff cancel with a reason, mailed to the booker.
        mvc.perform(post("/staff/centre/bookings/" + id + "/cancel").with(csrf()).with(user(staff)).param("version", "1").param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("入力してください")));
        mvc.perform(post("/staff/centre/bookings/" + id + "/cancel").with(csrf()).with(user(staff)).param("version", "1")
                        .param("reason", "設備の故障のため"))
                .andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, booker.getUsername(), "センターの都合により")).contains("設備の故障のため");
        List<String> actions = jdbc.sql("select action from audit_entry where (record_type = 'centre_booking' and record_id = :id) or "
                        + "(record_type = 'centre_block' and actor_id = :staff)")
                .param("id", String.valueOf(id)).param("staff", staff.accountId()).query(String.class).list();
        assertThat(actions).contains("centre.book", "centre.payment", "centre.block", "centre.staffCancel");
    }
}
