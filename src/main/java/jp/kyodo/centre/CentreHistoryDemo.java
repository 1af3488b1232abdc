package jp.kyodo.centre;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.DemoContent;
import jp.kyodo.shared.FiscalYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo history for the annual report: paid bookings of the centre's rooms in the two fiscal years before this one,
 * more each year, so that the centre's use shows a trend. Booked in the staff account's name for invented groups.
 */
@Component
@Order(63)
class CentreHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(CentreHistoryDemo.class);
    private static final String MARKER = "(過去の利用)";
    private static final List<String> BOOKERS = List.of("子育てサロンひまわり", "はにわ国際交流協会", "本庄防災ボランティアの会",
            "こだま緑の会", "シニアの笑顔応援隊", "本庄あおぞら読書会");
    private static final List<String> PURPOSES = List.of("定例会", "講座", "練習", "打ち合わせ", "交流会");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final CityProfile city;

    CentreHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, Clock clock, CityProfile city) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.city = city;
    }

    /** None: the module's own demo has filled the tables already; {@link #loadDemo} checks for the history itself. */
    @Override
    protected List<String> demoTables() {
        return List.of();
    }

    @Override
    protected void loadDemo() {
        boolean loaded = jdbc.sql("select exists (select 1 from centre_booking where purpose like '%' || :m)").param("m", MARKER)
                .query(Boolean.class).single();
        boolean demo = jdbc.sql("select exists (select 1 from centre_booking)").query(Boolean.class).single();
        AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
        if (loaded || !demo || staff == null) {
            return;
        }
        log.info("Loaded {} demo bookings of past fiscal years", load(staff.id()));
    }

    /** Inserts paid bookings, one room a day, through the two fiscal years before this one; returns how many. */
    int load(long accountId) {
        FiscalYear thisYear = FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
        List<Room> rooms = jdbc.sql("select id, activity_rate from centre_room where active order by sort_order")
                .query((rs, n) -> new Room(rs.getLong(1), rs.getLong(2))).list();
        if (rooms.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int yearsAgo = 2; yearsAgo >= 1; yearsAgo--) {
            FiscalYear year = new FiscalYear(thisYear.startYear() - yearsAgo);
            // Two years ago every third day had a booking, last year every second day.
            int step = yearsAgo == 2 ? 3 : 2;
            int i = 0;
            for (LocalDate day = year.start().plusDays(2); !day.isAfter(year.end()); day = day.plusDays(step), i++) {
                Room room = rooms.get(i % rooms.size());
                int hours = 2 + i % 3;
                ZonedDateTime starts = day.atTime(10 + i % 4 * 2, 0).atZone(city.zone());
                long fee = room.rate() * hours;
                jdbc.sql("""
                                insert into centre_booking (room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, rate, fee,
                                    status, payment_due_on, paid_amount, payment_method, paid_on, created_at)
                                values (:room, :s, :e, :a, null, :booker, :purpose, :people, :rate, :fee, 'PAID', :due, :fee, 'CASH', :due, :created)""")
                        .param("room", room.id()).param("s", Timestamp.from(starts.toInstant()))
                        .param("e", Timestamp.from(starts.plusHours(hours).toInstant())).param("a", accountId)
                        .param("booker", BOOKERS.get(i % BOOKERS.size())).param("purpose", PURPOSES.get(i % PURPOSES.size()) + MARKER)
                        .param("people", 4 + i % 15).param("rate", room.rate()).param("fee", fee).param("due", day.minusDays(3))
                        .param("created", Timestamp.from(starts.minusDays(20).toInstant())).update();
                count++;
            }
        }
        return count;
    }

    private record Room(long id, long rate) {
    }
}
