package jp.kyodo.bench.generate;

import static jp.kyodo.bench.generate.World.at;
import static jp.kyodo.bench.generate.World.between;
import static jp.kyodo.bench.generate.World.pick;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Room bookings at the civic activity centre over past years and the coming four months (as far ahead as groups may
 * book), by groups at the activity rate and residents at the standard rate. The centre's own rules hold: whole hours
 * from opening to closing, at most four hours, closed over the New Year, and two live (booked or paid) bookings of a
 * room never overlap (the schema's exclusion constraint checks it as they load). Past bookings are paid, cancelled
 * or expired unpaid; coming ones are paid or await payment before their deadline.
 */
final class Centre {

    private static final int OPENS = 9;
    private static final int CLOSES = 22;
    private static final int MAX_HOURS = 4;
    private static final MonthDay CLOSED_FROM = MonthDay.of(12, 29);
    private static final MonthDay CLOSED_UNTIL = MonthDay.of(1, 3);
    private static final int GROUP_ADVANCE_MONTHS = 4;

    private final World world;
    private final Registry registry;
    private final SplittableRandom random;

    Centre(World world, Registry registry) {
        this.world = world;
        this.registry = registry;
        this.random = world.random("centre");
    }

    private record Room(long id, int capacity, long activityRate, long standardRate) {
    }

    void load(Connection c) throws SQLException {
        List<Room> rooms = new ArrayList<>();
        // Honjo's six rooms come with the schema; a centre at this scale has more.
        try (Copy extra = new Copy(c, "centre_room", "id, code, name, name_en, capacity, equipment, activity_rate, standard_rate, sort_order, "
                + "active, version", world.counts)) {
            long id = 100;
            int order = 10;
            for (Object[] r : Vocabulary.EXTRA_ROOMS) {
                extra.row(++id, r[0], r[1], r[2], r[3], r[4], r[5], r[6], ++order, true, 0);
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, capacity, activity_rate, standard_rate from centre_room where active order by sort_order, id")) {
            while (rs.next()) {
                rooms.add(new Room(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        int target = world.scaled(200_000, 20);
        int[] groups = Generator.activeGroups(world);
        LocalDate last = world.today.plusMonths(GROUP_ADVANCE_MONTHS).minusDays(1);
        LocalDate first = world.thisYear.start().minusYears(4);
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        // A room used on a day holds about five bookings; rooms are used on as many days as the target needs.
        double used = Math.min(1.0, target / (days * rooms.size() * 5.0) * 1.05);
        int made = 0;
        try (Copy bookings = new Copy(c, "centre_booking", "room_id, starts_at, ends_at, account_id, group_id, booker_name, purpose, people, "
                + "rate, fee, status, payment_due_on, reminded_at, paid_amount, payment_method, paid_on, cancelled_at, cancel_reason, created_at",
                world.counts)) {
            for (LocalDate day = last; made < target; day = day.minusDays(1)) {
                if (closed(day)) {
                    continue;
                }
                long ahead = day.toEpochDay() - world.today.toEpochDay();
                // The further ahead, the fewer rooms are booked yet.
                double p = ahead <= 0 ? used : used * Math.max(0.15, 1.0 - ahead / 130.0);
                for (Room room : rooms) {
                    if (made >= target || random.nextDouble() >= p) {
                        continue;
                    }
                    int hour = OPENS + random.nextInt(2);
                    while (hour < CLOSES && made < target) {
                        int hours = Math.min(between(random, 1, MAX_HOURS), CLOSES - hour);
                        booking(bookings, room, day, hour, hours, groups);
                        made++;
                        hour += hours + (random.nextInt(3) == 0 ? 1 : 0);
                    }
                }
            }
        }
    }

    private static boolean closed(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(CLOSED_FROM) || !md.isAfter(CLOSED_UNTIL);
    }

    private void booking(Copy bookings, Room room, LocalDate day, int hour, int hours, int[] groups) throws SQLException {
        // Residents book at most a month ahead; groups up to four months.
        boolean group = random.nextInt(10) < 6 || day.isAfter(world.today.plusMonths(1));
        int g = group ? groups[random.nextInt(groups.length)] : 0;
        int account = group ? world.groupRep[g] : registry.anyResident(random);
        long rate = group ? room.activityRate() : room.standardRate();
        long fee = rate * hours;
        boolean past = day.isBefore(world.today);
        LocalDate created;
        if (past) {
            created = day.minusDays(between(random, 3, group ? 110 : 28));
        } else {
            long ahead = day.toEpochDay() - world.today.toEpochDay();
            created = world.today.minusDays(between(random, 0, (int) Math.min(6, 120 - Math.min(ahead, 119))));
        }
        LocalDate due = created.plusDays(7).isBefore(day.minusDays(3)) ? created.plusDays(7) : day.minusDays(3);
        if (due.isBefore(created)) {
            due = created;
        }
        int r = random.nextInt(100);
        String status;
        if (r < 6) {
            status = "CANCELLED";
        } else if (past && r < 8) {
            status = "EXPIRED";
        } else if (!past && due.isAfter(world.today.minusDays(1)) && r < 45) {
            status = "BOOKED";
        } else {
            status = "PAID";
        }
        if (status.equals("EXPIRED") && !due.isBefore(world.today)) {
            status = "PAID";
        }
        if (status.equals("BOOKED") && due.isBefore(world.today)) {
            status = "PAID";
        }
        boolean paid = status.equals("PAID");
        LocalDate paidOn = paid ? due.minusDays(random.nextInt((int) Math.max(1, due.toEpochDay() - created.toEpochDay() + 1))) : null;
        if (paidOn != null && paidOn.isAfter(world.today)) {
            paidOn = world.today;
        }
        Instant cancelled = switch (status) {
            case "CANCELLED" -> at(created.plusDays(1).isAfter(world.today) ? world.today.minusDays(1) : created.plusDays(1), 12, 0);
            case "EXPIRED" -> at(due.plusDays(1), 3, 0);
            default -> null;
        };
        if (cancelled != null && cancelled.isAfter(world.now)) {
            cancelled = world.now.minusSeconds(3600);
        }
        Instant createdAt = at(created, between(random, 8, 21), random.nextInt(60));
        if (createdAt.isAfter(world.now)) {
            createdAt = world.now.minusSeconds(between(random, 60, 3600));
        }
        boolean remind = status.equals("BOOKED") && !due.isAfter(world.today.plusDays(2))
                || status.equals("EXPIRED") || paid && random.nextInt(5) == 0;
        Instant reminded = remind ? at(due.minusDays(2).isBefore(created) ? created : due.minusDays(2), 7, 0) : null;
        if (reminded != null && reminded.isAfter(world.now)) {
            reminded = world.now.minusSeconds(7200);
        }
        String purpose = pick(random, Vocabulary.BOOKING_PURPOSES);
        bookings.row(room.id(), at(day, hour, 0), at(day, hour + hours, 0), account, group ? g : null,
                group ? world.groupName[g] : world.accountName[account], group ? world.groupName[g] + "の" + purpose : purpose,
                between(random, 1, room.capacity()), rate, fee, status, due, reminded, paid ? fee : null,
                paid ? pick(random, List.of("CASH", "CASH", "TRANSFER", "OTHER")) : null, paidOn, cancelled,
                status.equals("CANCELLED") ? pick(random, List.of("都合により中止します。", "参加者が集まらないため。", "日程を変更するため。")) : null,
                createdAt);
    }
}
