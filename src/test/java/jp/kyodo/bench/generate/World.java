package jp.kyodo.bench.generate;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.kyodo.shared.FiscalYear;
import org.yaml.snakeyaml.Yaml;

/**
 * What every part of the generator shares: the seed, the scale, the day the dataset is made for, the city's fields
 * and areas, and the accounts and groups (made first, in memory, with their ids) that the other parts refer to.
 */
final class World {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** The benchmark accounts (a contract with the benchmark): this many residents, the first this many representatives. */
    static final int BENCH_RESIDENTS = 2000;
    static final int BENCH_REPRESENTATIVES = 500;

    final long seed;
    final double scale;
    final LocalDate today;
    final Instant now;
    final FiscalYear thisYear;
    final Map<String, Long> counts;

    /** The city's activity fields and areas from application.yml: code, name, English name. */
    final List<String[]> fields = new ArrayList<>();
    final List<String[]> areas = new ArrayList<>();

    // ---- Accounts (index = id) ----
    int accountCount;
    String[] accountName;
    String[] accountKana;
    String[] accountEmail;
    String[] accountPostal;
    String[] accountAddress;
    String[] accountPhone;
    boolean[] accountActive;
    static final int ADMIN = 1;
    static final int FIRST_BENCH = 2;
    int[][] staffByDepartment;
    int[] committee;
    int firstResident;
    int residentCount;

    // ---- Groups (index = id) ----
    int groupCount;
    String[] groupType;
    String[] groupStatus;
    String[] groupName;
    String[] groupArea;
    String[][] groupFields;
    int[] groupRep;
    String[] groupNumber;
    boolean[] groupListed;
    /** The ids of the groups in the public directory, and of the registered ones (listed and in good standing). */
    int[] listed;

    World(long seed, double scale, LocalDate today, Map<String, Long> counts) {
        this.seed = seed;
        this.scale = scale;
        this.today = today;
        this.now = today.atStartOfDay(ZONE).toInstant();
        this.thisYear = FiscalYear.of(today);
        this.counts = counts;
        readSettings();
    }

    /** A count of the full dataset at this scale, at least {@code min}. */
    int scaled(int full, int min) {
        return (int) Math.max(min, Math.round(full * scale));
    }

    /** The random numbers of one part: the same seed gives each part the same numbers, whatever runs beside it. */
    SplittableRandom random(String part) {
        return new SplittableRandom(seed * 1_000_003L + part.hashCode());
    }

    /** A moment of a day in the city's time. */
    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static int between(SplittableRandom random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A day between the two, both included. */
    static LocalDate day(SplittableRandom random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    String fieldName(String code) {
        return fields.stream().filter(f -> f[0].equals(code)).findFirst().map(f -> f[1]).orElseThrow();
    }

    String areaName(String code) {
        return areas.stream().filter(a -> a[0].equals(code)).findFirst().map(a -> a[1]).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void readSettings() {
        try (InputStream in = World.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> groups = (Map<String, Object>) ((Map<String, Object>) yaml.get("kyodo")).get("groups");
            for (Map<String, Object> f : (List<Map<String, Object>>) groups.get("fields")) {
                fields.add(new String[] {(String) f.get("code"), (String) f.get("name"), (String) f.get("name-en")});
            }
            for (Map<String, Object> a : (List<Map<String, Object>>) groups.get("areas")) {
                areas.add(new String[] {(String) a.get("code"), (String) a.get("name"), (String) a.get("name-en")});
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Vocabulary.Topic t : Vocabulary.TOPICS) {
            if (fields.stream().noneMatch(f -> f[0].equals(t.field()))) {
                throw new IllegalStateException("The settings have no activity field " + t.field());
            }
        }
    }
}
