package jp.kyodo.centre;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.TextNormalizer;
import jp.kyodo.shared.Yen;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The centre's rooms and their bookings by the hour. Registered groups (booking as a group their account manages)
 * book further ahead and at the activity rate, everyone else at the standard rate. A room's row is locked while a
 * booking is checked and written, and an exclusion constraint in the database refuses overlapping live bookings
 * whatever happens, so one slot is never booked twice. An unpaid booking is reminded of and then cancelled.
 */
@Service
class Bookings {

    enum Status { BOOKED, PAID, CANCELLED, EXPIRED }

    /** What a cell of a room's week shows. */
    enum Slot { FREE, GROUPS_ONLY, BOOKED, CLOSED, BLOCKED, UNAVAILABLE }

    static final List<String> PAYMENT_METHODS = List.of("CASH", "TRANSFER", "OTHER");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final CentreSettings settings;

    Bookings(JdbcClient jdbc, Accounts accounts, Groups groups, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city,
             PortalUrls links, CentreSettings settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.settings = settings;
    }

    record Room(long id, String code, String name, String nameEn, int capacity, String equipment, String equipmentEn, long activityRate,
                long standardRate) {

        public String activityRateText() {
            return Yen.format(activityRate);
        }

        public String standardRateText() {
            return Yen.format(standardRate);
        }
    }

    /** A checked booking request, with its fee, shown for confirmation before it is made. */
    record Quote(Room room, LocalDate date, int startHour, int endHour, Long groupId, String bookerName, String purpose, int people,
                 long rate, long fee) {

        public int hours() {
            return endHour - startHour;
        }

        public boolean group() {
            return groupId != null;
        }

        public String when() {
            return Bookings.when(date, startHour, endHour);
        }

        public String feeText() {
            return Yen.format(fee);
        }

        public String rateText() {
            return Yen.format(rate);
        }
    }

    record Booking(long id, long roomId, String roomName, LocalDateTime startsAt, LocalDateTime endsAt, long accountId, Long groupId,
                   String bookerName, String purpose, int people, long rate, long fee, Status status, LocalDate paymentDueOn,
                   Long paidAmount, String paymentMethod, LocalDate paidOn, String cancelReason, Instant createdAt, long version) {

        public String when() {
            return Bookings.when(startsAt.toLocalDate(), startsAt.getHour(), endsAt.getHour());
        }

        public String feeText() {
            return Yen.format(fee);
        }

        public String paidAmountText() {
            return paidAmount == null ? "" : Yen.format(paidAmount);
        }

        public String dueText() {
            return JapaneseDates.format(paymentDueOn);
        }

        public boolean live() {
            return status == Status.BOOKED || status == Status.PAID;
        }

        public LocalDate date() {
            return startsAt.toLocalDate();
        }

        public int startHour() {
            return startsAt.getHour();
        }

        public int endHour() {
            return endsAt.getHour();
        }
    }

    record Block(long id, long roomId, String roomName, LocalDateTime startsAt, LocalDateTime endsAt, String reason) {

        public String when() {
            return JapaneseDates.formatDateTime(startsAt) + " 〜 " + JapaneseDates.formatDateTime(endsAt);
        }
    }

    /** One cell of a room's week: the day, the hour and what can be done there. */
    record Cell(LocalDate date, int hour, Slot slot) {

        public boolean bookable() {
            return slot == Slot.FREE || slot == Slot.GROUPS_ONLY;
        }
    }

    record Row(int hour, String label, List<Cell> cells) {
    }

    record Week(LocalDate monday, List<LocalDate> days, List<Row> rows) {

        public LocalDate previous() {
            return monday.minusWeeks(1);
        }

        public LocalDate next() {
            return monday.plusWeeks(1);
        }

        public String title() {
            return JapaneseDates.format(monday) + " 〜 " + JapaneseDates.format(monday.plusDays(6));
        }
    }

    /** What the nightly job did. */
    record UnpaidRun(int reminded, int expired) {
    }

    // ---- Rooms and the calendar ----

    CentreSettings settings() {
        return settings;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    @Transactional(readOnly = true)
    List<Room> rooms() {
        return jdbc.sql("select * from centre_room where active order by sort_order, id").query(Bookings::room).list();
    }

    @Transactional(readOnly = true)
    Room room(long id) {
        return jdbc.sql("select * from centre_room where id = :id and active").param("id", id).query(Bookings::room).optional()
                .orElseThrow(Bookings::notFound);
    }

    /** A room's week from the Monday on or before the day: each hour of each day, free, booked, closed or blocked. */
    @Transactional(readOnly = true)
    Week week(long roomId, LocalDate anyDay) {
        room(roomId);
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> days = monday.datesUntil(monday.plusDays(7)).toList();
        LocalDateTime from = monday.atTime(settings.opens());
        LocalDateTime until = monday.plusDays(6).atTime(settings.closes());
        List<Booking> booked = bookingsWhere("b.room_id = :r and b.status in ('BOOKED', 'PAID') and b.starts_at < :until and b.ends_at > :from",
                Map.of("r", roomId, "from", ts(from), "until", ts(until)));
        List<Block> blocked = blocks(roomId, from, until);
        LocalDateTime now = now();
        LocalDate groupLimit = today().plusMonths(settings.groupAdvanceMonths());
        LocalDate otherLimit = today().plusMonths(settings.otherAdvanceMonths());
        List<Row> rows = new ArrayList<>();
        for (int h = settings.openingHour(); h < settings.closingHour(); h++) {
            List<Cell> cells = new ArrayList<>();
            for (LocalDate day : days) {
                LocalDateTime start = day.atTime(h, 0);
                LocalDateTime end = start.plusHours(1);
                Slot slot;
                if (settings.closedOn(day)) {
                    slot = Slot.CLOSED;
                } else if (blocked.stream().anyMatch(b -> b.startsAt().isBefore(end) && b.endsAt().isAfter(start))) {
                    slot = Slot.BLOCKED;
                } else if (booked.stream().anyMatch(b -> b.startsAt().isBefore(end) && b.endsAt().isAfter(start))) {
                    slot = Slot.BOOKED;
                } else if (!start.isAfter(now) || day.isAfter(groupLimit)) {
                    slot = Slot.UNAVAILABLE;
                } else if (day.isAfter(otherLimit)) {
                    slot = Slot.GROUPS_ONLY;
                } else {
                    slot = Slot.FREE;
                }
                cells.add(new Cell(day, h, slot));
            }
            rows.add(new Row(h, h + ":00〜" + (h + 1) + ":00", cells));
        }
        return new Week(monday, days, rows);
    }

    /** The groups an account may book for: those it manages that are registered. */
    List<Groups.GroupProfile> bookableGroups(long accountId) {
        return groups.managedBy(accountId).stream().filter(Groups.GroupProfile::inGoodStanding).toList();
    }

    // ---- Booking ----

    /** Checks a request against every rule and computes its fee; nothing is written. */
    @Transactional(readOnly = true)
    Quote quote(Actor actor, Map<String, String> form) {
        return check(actor, form);
    }

    /**
     * Makes the booking. The room's row is locked first, so that of two people booking the same hour at the same
     * moment the second sees the first's booking and is refused with "その時間はすでに予約されています".
     */
    @Transactional
    long book(Actor actor, Map<String, String> form) {
        String rawRoom = form.get("room");
        if (rawRoom != null && rawRoom.matches("[0-9]{1,18}")) {
            jdbc.sql("select id from centre_room where id = :id for update").param("id", Long.parseLong(rawRoom)).query(Long.class).optional();
        }
        Quote q = check(actor, form);
        LocalDate today = today();
        LocalDate due = today.plusDays(settings.paymentDays());
        LocalDate beforeUse = q.date().minusDays(settings.paymentDaysBeforeUse());
        if (beforeUse.isBefore(due)) {
            due = beforeUse.isBefore(today) ? today : beforeUse;
        }
        long id = jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, rate, fee,
                            status, payment_due_on, created_at)
                        values (:room, :starts, :ends, :account, :group, :name, :purpose, :people, :rate, :fee, 'BOOKED', :due, :now)
                        returning id""")
                .param("room", q.room().id()).param("starts", ts(q.date().atTime(q.startHour(), 0)))
                .param("ends", ts(q.date().atTime(q.endHour(), 0))).param("account", actor.accountId()).param("group", q.groupId())
                .param("name", q.bookerName()).param("purpose", q.purpose()).param("people", q.people()).param("rate", q.rate())
                .param("fee", q.fee()).param("due", due).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(actor, "centre.book", "centre_booking", id, q.room().name() + " " + q.when());
        String dueText = JapaneseDates.format(due);
        mailBooker(actor.accountId(), "centreReceipt", settings.name(), q.room().name(), q.when(), q.bookerName(), q.feeText(), dueText,
                links.link("/my/centre/bookings/" + id));
        return id;
    }

    private Quote check(Actor actor, Map<String, String> form) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Room room = checks.check(() -> {
            String raw = form.get("room");
            if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
                throw new InvalidInputException("room", "validation.required");
            }
            return jdbc.sql("select * from centre_room where id = :id and active").param("id", Long.parseLong(raw.strip()))
                    .query(Bookings::room).optional().orElseThrow(() -> new InvalidInputException("room", "validation.required"));
        });
        LocalDate date = checks.check(() -> Inputs.requiredDate("date", form.get("date")));
        Integer start = checks.check(() -> hour("start", form.get("start"), settings.openingHour(), settings.closingHour() - 1));
        Integer end = checks.check(() -> hour("end", form.get("end"), settings.openingHour() + 1, settings.closingHour()));
        Long groupId = checks.check(() -> booker(actor, form.get("booker")));
        String purpose = checks.check(() -> Inputs.required("purpose", form.get("purpose"), 500));
        Integer people = checks.check(() -> {
            Integer p = Inputs.integer("people", form.get("people"), 1, 100_000);
            if (p == null) {
                throw new InvalidInputException("people", "validation.required");
            }
            if (room != null && p > room.capacity()) {
                throw new InvalidInputException("people", "validation.centre.capacity", room.capacity());
            }
            return p;
        });
        boolean asGroup = groupId != null && groupId > 0;
        if (start != null && end != null) {
            checks.check(() -> {
                if (end <= start) {
                    throw new InvalidInputException("end", "validation.centre.endBeforeStart");
                }
                if (end - start > settings.maxHours()) {
                    throw new InvalidInputException("end", "validation.centre.maxHours", settings.maxHours());
                }
            });
        }
        if (date != null && !checks.failed("booker")) {
            checks.check(() -> {
                LocalDate today = today();
                if (settings.closedOn(date)) {
                    throw new InvalidInputException("date", "validation.centre.closed", JapaneseDates.format(date));
                }
                if (date.isBefore(today) || start != null && !date.atTime(start, 0).isAfter(now())) {
                    throw new InvalidInputException("date", "validation.centre.past");
                }
                int months = asGroup ? settings.groupAdvanceMonths() : settings.otherAdvanceMonths();
                if (date.isAfter(today.plusMonths(months))) {
                    throw new InvalidInputException("date", asGroup ? "validation.centre.tooFarAheadGroup" : "validation.centre.tooFarAhead", months,
                            JapaneseDates.format(today.plusMonths(months)));
                }
            });
        }
        if (!checks.failed("date") && !checks.failed("booker") && date != null && actor.accountId() != null) {
            checks.check(() -> {
                LocalDate first = date.withDayOfMonth(1);
                long count = jdbc.sql("""
                                select count(*) from centre_booking where status in ('BOOKED', 'PAID') and starts_at >= :from and starts_at < :until
                                and""" + " " + (asGroup ? "group_id = :who" : "group_id is null and account_id = :who"))
                        .param("from", ts(first.atStartOfDay())).param("until", ts(first.plusMonths(1).atStartOfDay()))
                        .param("who", asGroup ? groupId : actor.accountId()).query(Long.class).single();
                if (count >= settings.maxBookingsPerMonth()) {
                    throw new InvalidInputException("date", "validation.centre.monthlyLimit", settings.maxBookingsPerMonth());
                }
            });
        }
        if (room != null && date != null && start != null && end != null && end > start && !checks.failed("date")) {
            LocalDateTime from = date.atTime(start, 0);
            LocalDateTime until = date.atTime(end, 0);
            checks.check(() -> {
                if (!blocks(room.id(), from, until).isEmpty()) {
                    throw new InvalidInputException("start", "validation.centre.blocked");
                }
                long taken = jdbc.sql("""
                                select count(*) from centre_booking where room_id = :r and status in ('BOOKED', 'PAID')
                                and starts_at < :until and ends_at > :from""")
                        .param("r", room.id()).param("from", ts(from)).param("until", ts(until)).query(Long.class).single();
                if (taken > 0) {
                    throw new InvalidInputException("start", "validation.centre.taken");
                }
            });
        }
        checks.throwIfAny();
        String bookerName = asGroup ? groups.profile(groupId).map(Groups.GroupProfile::name).orElseThrow()
                : accounts.find(actor.accountId()).map(a -> a.name()).orElse(actor.displayName());
        long rate = asGroup ? room.activityRate() : room.standardRate();
        return new Quote(room, date, start, end, asGroup ? groupId : null, bookerName, purpose, people, rate, rate * (end - start));
    }

    /** "self" books as a person; a group's id books as that group, which the account must manage and which must be registered. */
    private Long booker(Actor actor, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("booker", "validation.required");
        }
        if (raw.equals("self")) {
            return null;
        }
        if (!raw.matches("[0-9]{1,18}") || actor.accountId() == null) {
            throw new InvalidInputException("booker", "validation.centre.notYourGroup");
        }
        long id = Long.parseLong(raw);
        if (bookableGroups(actor.accountId()).stream().noneMatch(g -> g.id() == id)) {
            throw new InvalidInputException("booker", "validation.centre.notYourGroup");
        }
        return id;
    }

    // ---- The booker's own bookings ----

    @Transactional(readOnly = true)
    List<Booking> mine(long accountId) {
        return bookingsWhere("b.account_id = :a order by b.starts_at desc", Map.of("a", accountId));
    }

    /** A booking of the account's; another person's is "not found". */
    @Transactional(readOnly = true)
    Booking mine(long accountId, long id) {
        return bookingsWhere("b.id = :id and b.account_id = :a", Map.of("id", id, "a", accountId)).stream().findFirst()
                .orElseThrow(Bookings::notFound);
    }

    /** Whether the booker may still cancel online (until the configured days before the day of use). */
    boolean cancellable(Booking b) {
        return b.live() && !today().plusDays(settings.cancelDaysBeforeUse()).isAfter(b.date());
    }

    @Transactional
    void cancelMine(Actor actor, long id, long version) {
        lock(id);
        Booking b = mine(actor.accountId(), id);
        requireVersion(b, version);
        if (!b.live()) {
            throw new InvalidInputException("version", "validation.centre.notLive");
        }
        if (!cancellable(b)) {
            throw new InvalidInputException("version", "validation.centre.tooLateToCancel", settings.cancelDaysBeforeUse());
        }
        setStatus(b, Status.CANCELLED, null);
        audit.record(actor, "centre.cancel", "centre_booking", id, b.roomName() + " " + b.when());
        mailBooker(b.accountId(), b.status() == Status.PAID ? "centreCancelledPaid" : "centreCancelled", settings.name(), b.roomName(), b.when(),
                b.bookerName());
    }

    // ---- The staff ----

    @Transactional(readOnly = true)
    Booking find(long id) {
        return bookingsWhere("b.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Bookings::notFound);
    }

    /** Live and past bookings starting between two days (inclusive), by time and room. */
    @Transactional(readOnly = true)
    List<Booking> between(LocalDate from, LocalDate until) {
        return bookingsWhere("b.starts_at >= :from and b.starts_at < :until order by b.starts_at, b.room_id, b.id",
                Map.of("from", ts(from.atStartOfDay()), "until", ts(until.plusDays(1).atStartOfDay())));
    }

    @Transactional(readOnly = true)
    List<Block> blocksBetween(LocalDate from, LocalDate until) {
        return blocks(null, from.atStartOfDay(), until.plusDays(1).atStartOfDay());
    }

    @Transactional
    void recordPayment(Actor staff, long id, long version, String rawAmount, String rawMethod, String rawDate) {
        lock(id);
        Booking b = find(id);
        requireVersion(b, version);
        if (b.status() != Status.BOOKED) {
            throw new InvalidInputException("version", "validation.centre.notAwaitingPayment");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long amount = checks.check(() -> {
            Long a = Inputs.yen("amount", rawAmount);
            if (a == null) {
                throw new InvalidInputException("amount", "validation.required");
            }
            if (a != b.fee()) {
                throw new InvalidInputException("amount", "validation.centre.amount", Yen.format(b.fee()));
            }
            return a;
        });
        String method = checks.check(() -> {
            if (rawMethod == null || !PAYMENT_METHODS.contains(rawMethod)) {
                throw new InvalidInputException("method", "validation.required");
            }
            return rawMethod;
        });
        LocalDate paidOn = checks.check(() -> {
            LocalDate d = Inputs.requiredDate("paidOn", rawDate);
            if (d.isAfter(today())) {
                throw new InvalidInputException("paidOn", "validation.centre.future");
            }
            return d;
        });
        checks.throwIfAny();
        jdbc.sql("""
                        update centre_booking set status = 'PAID', paid_amount = :a, payment_method = :m, paid_on = :d, version = version + 1
                        where id = :id""")
                .param("a", amount).param("m", method).param("d", paidOn).param("id", id).update();
        audit.record(staff, "centre.payment", "centre_booking", id, Yen.format(amount) + " " + method + " " + paidOn);
        mailBooker(b.accountId(), "centrePaid", settings.name(), b.roomName(), b.when(), b.bookerName(), Yen.format(amount));
    }

    @Transactional
    void staffCancel(Actor staff, long id, long version, String rawReason) {
        lock(id);
        Booking b = find(id);
        requireVersion(b, version);
        if (!b.live()) {
            throw new InvalidInputException("version", "validation.centre.notLive");
        }
        String reason = Inputs.required("reason", rawReason, 1000);
        setStatus(b, Status.CANCELLED, reason);
        audit.record(staff, "centre.staffCancel", "centre_booking", id, b.roomName() + " " + b.when() + ": " + reason);
        mailBooker(b.accountId(), "centreStaffCancelled", settings.name(), b.roomName(), b.when(), b.bookerName(), reason);
    }

    /** Takes a room out of use for a period; refused, naming them, when live bookings fall in it. */
    @Transactional
    long block(Actor staff, Map<String, String> form) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Room room = checks.check(() -> {
            String raw = form.get("room");
            if (raw == null || !raw.matches("[0-9]{1,18}")) {
                throw new InvalidInputException("room", "validation.required");
            }
            return jdbc.sql("select * from centre_room where id = :id for update").param("id", Long.parseLong(raw)).query(Bookings::room)
                    .optional().orElseThrow(() -> new InvalidInputException("room", "validation.required"));
        });
        LocalDate fromDate = checks.check(() -> Inputs.requiredDate("fromDate", form.get("fromDate")));
        Integer fromHour = checks.check(() -> hour("fromHour", form.get("fromHour"), 0, 23));
        LocalDate untilDate = checks.check(() -> Inputs.requiredDate("untilDate", form.get("untilDate")));
        Integer untilHour = checks.check(() -> hour("untilHour", form.get("untilHour"), 0, 24));
        String reason = checks.check(() -> Inputs.required("reason", form.get("reason"), 300));
        checks.throwIfAny();
        LocalDateTime from = fromDate.atTime(fromHour, 0);
        LocalDateTime until = untilHour == 24 ? untilDate.plusDays(1).atStartOfDay() : untilDate.atTime(untilHour, 0);
        if (!until.isAfter(from)) {
            throw new InvalidInputException("untilDate", "validation.centre.endBeforeStart");
        }
        List<Booking> conflicts = bookingsWhere("""
                        b.room_id = :r and b.status in ('BOOKED', 'PAID') and b.starts_at < :until and b.ends_at > :from order by b.starts_at""",
                Map.of("r", room.id(), "from", ts(from), "until", ts(until)));
        if (!conflicts.isEmpty()) {
            throw new InvalidInputException("fromDate", "validation.centre.blockConflict", conflicts.size(),
                    conflicts.stream().map(b -> b.when() + " " + b.bookerName()).collect(Collectors.joining("、")));
        }
        long id = jdbc.sql("""
                        insert into centre_block (room_id, starts_at, ends_at, reason, created_by, created_at)
                        values (:r, :from, :until, :reason, :by, :now) returning id""")
                .param("r", room.id()).param("from", ts(from)).param("until", ts(until)).param("reason", reason)
                .param("by", staff.accountId()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(staff, "centre.block", "centre_block", id, room.name() + " " + from + "〜" + until + ": " + reason);
        return id;
    }

    @Transactional
    void removeBlock(Actor staff, long id) {
        Block b = blocks(null, LocalDateTime.of(1900, 1, 1, 0, 0), LocalDateTime.of(9999, 1, 1, 0, 0)).stream().filter(x -> x.id() == id)
                .findFirst().orElseThrow(Bookings::notFound);
        jdbc.sql("delete from centre_block where id = :id").param("id", id).update();
        audit.record(staff, "centre.unblock", "centre_block", id, b.roomName() + " " + b.when());
    }

    // ---- Unpaid bookings ----

    /**
     * Mails a reminder to bookers whose payment deadline is near (once), and cancels bookings still unpaid after their
     * deadline, mailing the booker. Called daily by {@link BookingJobs}; tests pass the day.
     */
    @Transactional
    UnpaidRun processUnpaid(LocalDate today) {
        List<Booking> overdue = bookingsWhere("b.status = 'BOOKED' and b.payment_due_on < :today order by b.id", Map.of("today", today));
        for (Booking b : overdue) {
            setStatus(b, Status.EXPIRED, null);
            audit.record("centre.expire", "centre_booking", b.id(), b.roomName() + " " + b.when());
            mailBooker(b.accountId(), "centreExpired", settings.name(), b.roomName(), b.when(), b.bookerName(), b.dueText());
        }
        List<Booking> due = bookingsWhere("""
                        b.status = 'BOOKED' and b.reminded_at is null and b.payment_due_on >= :today and b.payment_due_on <= :limit order by b.id""",
                Map.of("today", today, "limit", today.plusDays(settings.reminderDays())));
        for (Booking b : due) {
            jdbc.sql("update centre_booking set reminded_at = :now where id = :id").param("now", Timestamp.from(clock.instant()))
                    .param("id", b.id()).update();
            mailBooker(b.accountId(), "centreReminder", settings.name(), b.roomName(), b.when(), b.bookerName(), b.feeText(), b.dueText());
        }
        return new UnpaidRun(due.size(), overdue.size());
    }

    // ---- Helpers ----

    static String when(LocalDate date, int startHour, int endHour) {
        return day(date) + " " + startHour + ":00〜" + endHour + ":00";
    }

    /** E.g. "令和8年(2026年)12月8日(火)". */
    static String day(LocalDate date) {
        return JapaneseDates.format(date) + "(" + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ")";
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), city.zone());
    }

    private Timestamp ts(LocalDateTime local) {
        return Timestamp.from(local.atZone(city.zone()).toInstant());
    }

    private LocalDateTime local(Timestamp t) {
        return ZonedDateTime.ofInstant(t.toInstant(), city.zone()).toLocalDateTime();
    }

    private void lock(long id) {
        jdbc.sql("select id from centre_booking where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(Bookings::notFound);
    }

    private void setStatus(Booking b, Status status, String reason) {
        jdbc.sql("update centre_booking set status = :s, cancelled_at = :now, cancel_reason = :r, version = version + 1 where id = :id")
                .param("s", status.name()).param("now", Timestamp.from(clock.instant())).param("r", reason).param("id", b.id()).update();
    }

    private static void requireVersion(Booking b, long version) {
        if (b.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private void mailBooker(long accountId, String key, Object... args) {
        accounts.find(accountId).ifPresent(a -> mail.send(a.email(), key, Locale.JAPANESE, args));
    }

    /** An hour typed as "9", "９", "9:00" or "9時". */
    private static Integer hour(String field, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace('：', ':').replace("時", "");
        if (s.endsWith(":00")) {
            s = s.substring(0, s.length() - 3);
        }
        if (!s.matches("[0-9]{1,2}")) {
            throw new InvalidInputException(field, "validation.centre.hour");
        }
        int h = Integer.parseInt(s);
        if (h < min || h > max) {
            throw new InvalidInputException(field, "validation.centre.hours", min + ":00", max + ":00");
        }
        return h;
    }

    private List<Block> blocks(Long roomId, LocalDateTime from, LocalDateTime until) {
        Map<String, Object> params = new HashMap<>(Map.of("from", ts(from), "until", ts(until)));
        String where = "k.starts_at < :until and k.ends_at > :from";
        if (roomId != null) {
            where += " and k.room_id = :r";
            params.put("r", roomId);
        }
        var spec = jdbc.sql("select k.*, r.name as room_name from centre_block k join centre_room r on r.id = k.room_id where " + where
                + " order by k.starts_at, k.room_id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Block(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_name"), local(rs.getTimestamp("starts_at")),
                local(rs.getTimestamp("ends_at")), rs.getString("reason"))).list();
    }

    private List<Booking> bookingsWhere(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select b.*, r.name as room_name from centre_booking b join centre_room r on r.id = b.room_id where " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Booking(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_name"),
                local(rs.getTimestamp("starts_at")), local(rs.getTimestamp("ends_at")), rs.getLong("account_id"), (Long) rs.getObject("group_id"),
                rs.getString("booker_name"), rs.getString("purpose"), rs.getInt("people"), rs.getLong("rate"), rs.getLong("fee"),
                Status.valueOf(rs.getString("status")), rs.getDate("payment_due_on").toLocalDate(), (Long) rs.getObject("paid_amount"),
                rs.getString("payment_method"), rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(),
                rs.getString("cancel_reason"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"))).list();
    }

    private static Room room(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Room(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getInt("capacity"),
                rs.getString("equipment"), rs.getString("equipment_en"), rs.getLong("activity_rate"), rs.getLong("standard_rate"));
    }
}
