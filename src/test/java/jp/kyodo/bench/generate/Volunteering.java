package jp.kyodo.bench.generate;

import static jp.kyodo.bench.generate.World.at;
import static jp.kyodo.bench.generate.World.between;
import static jp.kyodo.bench.generate.World.pick;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Volunteer opportunities posted by registered groups over several fiscal years and the next three months, their
 * shifts, and residents' applications in every state: past shifts with attendance and confirmed hours, coming ones
 * waiting for the group's decision. No shift has more accepted volunteers than places, and nobody applies twice to
 * the same shift.
 */
final class Volunteering {

    private final World world;
    private final Registry registry;
    private final SplittableRandom random;

    Volunteering(World world, Registry registry) {
        this.world = world;
        this.registry = registry;
        this.random = world.random("volunteering");
    }

    private record Shift(long id, long opportunity, LocalDate day, LocalTime from, LocalTime to, int capacity, int applications) {
    }

    void load(Connection c) throws SQLException {
        int target = world.scaled(1_000_000, 20);
        LocalDate first = world.thisYear.start().minusYears(4);
        LocalDate last = world.today.plusDays(90);
        long span = last.toEpochDay() - first.toEpochDay();
        int[] groups = Generator.activeGroups(world);
        List<Shift> shifts = new ArrayList<>();
        List<String> fieldOf = new ArrayList<>();
        try (Copy opportunities = new Copy(c, "vol_opportunity", "id, group_id, title, description, place, area_code, for_beginners, "
                + "for_families, for_students, skills, accessibility, to_bring, apply_by, status, created_by, created_at, updated_at, version",
                world.counts)) {
            long id = 0;
            long shiftId = 0;
            int made = 0;
            while (made < target) {
                id++;
                int group = groups[random.nextInt(groups.length)];
                String field = world.groupFields[group][0];
                String event = pick(random, Vocabulary.EVENTS);
                String role = pick(random, Vocabulary.ROLES);
                LocalDate day = first.plusDays(random.nextLong(span + 1));
                int shiftCount = between(random, 1, 5);
                boolean past = day.plusDays(shiftCount - 1).isBefore(world.today);
                LocalDate applyBy = day.minusDays(between(random, 2, 10));
                String status = past || applyBy.isBefore(world.today) ? "CLOSED" : "PUBLISHED";
                String place = pick(random, Vocabulary.PLACES).text() + pick(random, List.of("公民館", "小学校", "河川敷", "駅前広場", "市民活動交流センター", "運動公園"));
                Instant created = at(applyBy.minusDays(between(random, 20, 40)), 10, 0);
                if (created.isAfter(world.now)) {
                    created = world.now.minusSeconds(86_400L * between(random, 1, 10));
                }
                int rep = world.groupRep[group];
                opportunities.row(id, group, event + "の" + role + "ボランティア", world.groupName[group] + "が開く" + event + "で、" + role
                                + "をお手伝いいただける方を募集します。当日は" + between(random, 2, 30) * 10 + "人ほどの来場を見込んでいます。"
                                + "初めての方も歓迎します。", place,
                        world.groupArea[group], random.nextInt(10) < 7, random.nextInt(3) == 0, random.nextInt(4) == 0,
                        random.nextInt(3) == 0 ? "特別な資格は要りません。" + role + "の経験があれば歓迎します。" : null,
                        random.nextInt(3) == 0 ? "会場は段差がなく、車いすでも参加できます。" : null,
                        pick(random, List.of("飲み物、タオル", "動きやすい服装", "軍手、帽子", "筆記用具", "エプロン、三角巾")), applyBy, status, rep,
                        created, created, 1);
                fieldOf.add(field);
                for (int s = 0; s < shiftCount && made < target; s++) {
                    LocalTime from = LocalTime.of(between(random, 8, 14), random.nextBoolean() ? 0 : 30);
                    LocalTime to = from.plusMinutes(60L * between(random, 2, 4));
                    int capacity = between(random, 3, 15);
                    int applications = Math.min(target - made, between(random, 1, capacity + capacity / 2 + 1));
                    made += applications;
                    shifts.add(new Shift(++shiftId, id, day.plusDays(s), from, to, capacity, applications));
                }
            }
        }
        // A connection carries one COPY at a time: each table is streamed whole before the next.
        try (Copy fields = new Copy(c, "vol_opportunity_field", "opportunity_id, field_code", world.counts)) {
            for (int i = 0; i < fieldOf.size(); i++) {
                fields.row(i + 1, fieldOf.get(i));
            }
        }
        try (Copy rows = new Copy(c, "vol_shift", "id, opportunity_id, held_on, starts_at, ends_at, capacity", world.counts)) {
            for (Shift s : shifts) {
                rows.row(s.id(), s.opportunity(), s.day(), s.from(), s.to(), s.capacity());
            }
        }
        try (Copy applications = new Copy(c, "vol_application", "shift_id, opportunity_id, account_id, applicant_name, message, status, "
                + "decided_at, attended, hours, confirmed_at, created_at, updated_at", world.counts)) {
            Set<Integer> applied = new HashSet<>();
            for (Shift s : shifts) {
                boolean past = s.day().isBefore(world.today);
                applied.clear();
                int accepted = 0;
                BigDecimal hours = BigDecimal.valueOf((s.to().toSecondOfDay() - s.from().toSecondOfDay()) / 3600.0).setScale(1);
                for (int a = 0; a < s.applications(); a++) {
                    int person;
                    do {
                        person = registry.anyResident(random);
                    } while (!applied.add(person));
                    Instant created = at(s.day().minusDays(between(random, 3, 30)), between(random, 7, 23), random.nextInt(60));
                    if (created.isAfter(world.now)) {
                        created = world.now.minusSeconds(between(random, 600, 86_400 * 3));
                    }
                    int r = random.nextInt(100);
                    String status;
                    if (r < 6) {
                        status = "CANCELLED";
                    } else if (accepted < s.capacity() && (past || r < 60)) {
                        status = past && r < 10 ? "DECLINED" : "ACCEPTED";
                    } else if (!past && r < 85) {
                        status = "APPLIED";
                    } else {
                        status = random.nextBoolean() ? "WAITLISTED" : "DECLINED";
                    }
                    if (status.equals("ACCEPTED")) {
                        accepted++;
                    }
                    boolean decided = !status.equals("APPLIED") && !status.equals("CANCELLED");
                    Instant decidedAt = decided ? created.plusSeconds(86_400L * between(random, 0, 2) + 3600) : null;
                    if (decidedAt != null && decidedAt.isAfter(world.now)) {
                        decidedAt = world.now.minusSeconds(60);
                    }
                    boolean done = past && status.equals("ACCEPTED");
                    boolean attended = done && random.nextInt(10) > 0;
                    Instant confirmed = done ? at(s.day().plusDays(between(random, 0, 3)), 18, 0) : null;
                    if (confirmed != null && confirmed.isAfter(world.now)) {
                        confirmed = null;
                    }
                    applications.row(s.id(), s.opportunity(), person, world.accountName[person],
                            random.nextInt(3) == 0 ? pick(random, List.of("初めてですがよろしくお願いします。", "友人と一緒に参加したいです。",
                                    "前回も参加しました。今回もお手伝いします。", "午後から参加できます。")) : null,
                            status, decidedAt, confirmed != null ? attended : null, confirmed != null && attended ? hours : null, confirmed, created,
                            confirmed != null ? confirmed : decidedAt != null ? decidedAt : created);
                }
            }
        }
    }
}
