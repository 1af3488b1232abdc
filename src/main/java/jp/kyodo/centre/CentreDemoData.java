package jp.kyodo.centre;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo bookings for an empty database: this week and next across the rooms, by the demo resident's group and other
 * listed groups, some paid, some awaiting payment, one as a private person, and one room blocked for maintenance.
 */
@Component
@Order(61)
class CentreDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(CentreDemoData.class);

    /** Room code, day of the fortnight (0 = this Monday), start and end hour, purpose, people. */
    private record Plan(String room, int day, int start, int end, String purpose, int people) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("meeting-a", 0, 10, 12, "定例会議", 12),
            new Plan("kitchen", 1, 10, 13, "親子料理教室", 18),
            new Plan("studio-a", 1, 18, 21, "バンド練習", 5),
            new Plan("hall", 2, 13, 17, "地域防災講座", 80),
            new Plan("meeting-b", 3, 19, 21, "役員会", 8),
            new Plan("studio-b", 4, 10, 12, "合唱の練習", 6),
            new Plan("hall", 5, 9, 12, "健康体操教室", 60),
            new Plan("meeting-a", 5, 13, 16, "子育てサロン", 20),
            new Plan("meeting-a", 7, 10, 12, "定例会議", 12),
            new Plan("kitchen", 8, 10, 13, "高齢者向け配食ボランティアの調理", 15),
            new Plan("hall", 9, 18, 21, "国際交流の夕べ準備", 40),
            new Plan("studio-a", 10, 18, 21, "バンド練習", 5),
            new Plan("meeting-b", 11, 14, 16, "清掃活動の打ち合わせ", 10),
            new Plan("hall", 12, 13, 16, "まちづくり講演会", 100),
            new Plan("meeting-a", 13, 10, 12, "写真展の準備", 8));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;
    private final CentreSettings settings;

    CentreDemoData(JdbcClient jdbc, Accounts accounts, Groups groups, TransactionTemplate tx, Clock clock, CityProfile city, CentreSettings settings, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
        this.settings = settings;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("centre_booking", "centre_block");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
        if (resident.isEmpty()) {
            return;
        }
        if (load(resident.get().id()) > 0) {
            log.info("Loaded demo centre bookings");
        }
    }

    /** Loads the fortnight's bookings and the maintenance block (the caller checks that there are none); returns the bookings made. */
    int load(long residentId) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        LocalDateTime now = LocalDateTime.now(clock.withZone(city.zone()));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Bookers: the resident's registered groups first, then other listed groups with a manager's account.
        List<Booker> bookers = new ArrayList<>();
        groups.managedBy(residentId).stream().filter(Groups.GroupProfile::inGoodStanding)
                .forEach(g -> bookers.add(new Booker(residentId, g.id(), g.name())));
        for (PublicGroup g : groups.listed()) {
            if (bookers.stream().anyMatch(b -> g.id().equals(b.groupId()))) {
                continue;
            }
            groups.managerEmails(g.id()).stream().map(accounts::findByEmail).flatMap(Optional::stream).findFirst()
                    .ifPresent(a -> bookers.add(new Booker(a.id(), g.id(), g.name())));
        }
        String residentName = accounts.find(residentId).map(AccountSummary::name).orElse("本庄 太郎");
        int made = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            Plan p = PLANS.get(i);
            LocalDate day = monday.plusDays(p.day());
            if (settings.closedOn(day)) {
                continue;
            }
            Long room = jdbc.sql("select id from centre_room where code = :c").param("c", p.room()).query(Long.class).optional().orElse(null);
            if (room == null) {
                continue;
            }
            // Every fifth booking is a private person's (the resident), at the standard rate.
            Booker booker = bookers.isEmpty() || i % 5 == 4 ? new Booker(residentId, null, residentName) : bookers.get(i % bookers.size());
            long rate = jdbc.sql("select " + (booker.groupId() == null ? "standard_rate" : "activity_rate") + " from centre_room where id = :id")
                    .param("id", room).query(Long.class).single();
            LocalDateTime starts = day.atTime(p.start(), 0);
            boolean paid = starts.isBefore(now) || i % 3 == 0;
            LocalDate due = day.minusDays(settings.paymentDaysBeforeUse());
            if (due.isAfter(today.plusDays(settings.paymentDays()))) {
                due = today.plusDays(settings.paymentDays());
            }
            if (due.isBefore(today) && !paid) {
                due = today;
            }
            long fee = rate * (p.end() - p.start());
            jdbc.sql("""
                            insert into centre_booking (room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, rate, fee,
                                status, payment_due_on, paid_amount, payment_method, paid_on, created_at)
                            values (:room, :starts, :ends, :account, :group, :name, :purpose, :people, :rate, :fee, :status, :due, :paid, :method,
                                :paidOn, :created)""")
                    .param("room", room).param("starts", ts(starts)).param("ends", ts(day.atTime(p.end(), 0))).param("account", booker.accountId())
                    .param("group", booker.groupId()).param("name", booker.name()).param("purpose", p.purpose()).param("people", p.people())
                    .param("rate", rate).param("fee", fee).param("status", paid ? "PAID" : "BOOKED").param("due", due)
                    .param("paid", paid ? fee : null).param("method", paid ? (i % 2 == 0 ? "CASH" : "TRANSFER") : null)
                    .param("paidOn", paid ? (due.isAfter(today) ? today : due) : null)
                    .param("created", ts(now.minusDays(20 - p.day()))).update();
            made++;
        }
        Long studio = jdbc.sql("select id from centre_room where code = 'studio-b'").query(Long.class).optional().orElse(null);
        LocalDate blockDay = monday.plusDays(9);
        if (studio != null && !settings.closedOn(blockDay)) {
            jdbc.sql("""
                            insert into centre_block (room_id, starts_at, ends_at, reason, created_at)
                            values (:r, :from, :until, '定期保守点検(ピアノの調律・音響設備)', :now)""")
                    .param("r", studio).param("from", ts(blockDay.atTime(9, 0))).param("until", ts(blockDay.atTime(13, 0)))
                    .param("now", Timestamp.from(clock.instant())).update();
        }
        return made;
    }

    private record Booker(long accountId, Long groupId, String name) {
    }

    private Timestamp ts(LocalDateTime local) {
        return Timestamp.from(local.atZone(city.zone()).toInstant());
    }
}
