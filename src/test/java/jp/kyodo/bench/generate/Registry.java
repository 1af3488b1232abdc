package jp.kyodo.bench.generate;

import static jp.kyodo.bench.generate.World.at;
import static jp.kyodo.bench.generate.World.between;
import static jp.kyodo.bench.generate.World.day;
import static jp.kyodo.bench.generate.World.pick;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import jp.kyodo.bench.generate.Vocabulary.Place;
import jp.kyodo.bench.generate.Vocabulary.Rare;
import jp.kyodo.bench.generate.Vocabulary.Topic;
import jp.kyodo.bench.generate.Vocabulary.Word;
import jp.kyodo.shared.FiscalYear;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The city's departments, fields and areas, the accounts (the benchmark's among them) and the registry of civic
 * groups: made in memory first (the other parts refer to them), then loaded. Also keeps the ground truth of which
 * groups carry each rare word and small place, for the search workload's labels.
 */
final class Registry {

    static final String BENCH_PASSWORD = "kyodo-bench-2026";

    /** What the generator planted in a group's name and activities: a rare word or a small place, with its topic. */
    record Planted(int group, String kind, int index, String topicWord) {
    }

    private final World world;
    private final SplittableRandom random;
    final List<Planted> planted = new ArrayList<>();
    private String[] kana;
    private String[] purpose;
    private String[] activities;
    private String[] meetingPlace;
    private String[] meetingTimes;
    private int[] contactAccount;
    private LocalDate[] registeredOn;
    private LocalDate[] validUntil;
    private int[] renewed;
    private LocalDate[] founded;
    private Instant[] created;

    Registry(World world) {
        this.world = world;
        this.random = world.random("registry");
    }

    // ---- In memory ----

    void makeAccounts() {
        int staffPerDepartment = 3;
        int departments = Vocabulary.DEPARTMENTS.size();
        int committeeCount = 30;
        int residents = world.scaled(200_000, 300);
        int total = 1 + World.BENCH_RESIDENTS + departments * staffPerDepartment + committeeCount + residents;
        world.accountCount = total;
        world.accountName = new String[total + 1];
        world.accountKana = new String[total + 1];
        world.accountEmail = new String[total + 1];
        world.accountPostal = new String[total + 1];
        world.accountAddress = new String[total + 1];
        world.accountPhone = new String[total + 1];
        world.accountActive = new boolean[total + 1];
        int id = 1;
        person(id++, "bench-admin@example.jp", true);
        for (int i = 1; i <= World.BENCH_RESIDENTS; i++) {
            person(id++, String.format("bench-%04d@example.jp", i), true);
        }
        world.staffByDepartment = new int[departments][staffPerDepartment];
        for (int d = 0; d < departments; d++) {
            for (int s = 0; s < staffPerDepartment; s++) {
                world.staffByDepartment[d][s] = id;
                person(id++, String.format("shokuin-%02d%d@example.jp", d + 1, s + 1), true);
            }
        }
        world.committee = new int[committeeCount];
        for (int c = 0; c < committeeCount; c++) {
            world.committee[c] = id;
            person(id++, String.format("iinkai-%03d@example.jp", c + 1), true);
        }
        world.firstResident = id;
        world.residentCount = residents;
        for (int r = 0; r < residents; r++) {
            // A few residents have not confirmed their address yet, a few were stopped by an administrator.
            person(id++, String.format("shimin-%06d@example.jp", r + 1), r % 37 != 5 && r % 211 != 17);
        }
    }

    private void person(int id, String email, boolean active) {
        Word surname = pick(random, Vocabulary.SURNAMES);
        Word given = pick(random, Vocabulary.GIVEN_NAMES);
        String[] street = pick(random, Vocabulary.STREETS);
        world.accountName[id] = surname.text() + " " + given.text();
        world.accountKana[id] = surname.kana() + "\u3000" + given.kana();
        world.accountEmail[id] = email;
        world.accountPostal[id] = street[0];
        world.accountAddress[id] = "埼玉県本庄市" + street[1] + between(random, 1, 5) + "-" + between(random, 1, 30) + "-" + between(random, 1, 20);
        world.accountPhone[id] = random.nextInt(3) == 0
                ? String.format("0495-%02d-%04d", between(random, 21, 35), random.nextInt(10000))
                : String.format("0%d0-%04d-%04d", between(random, 7, 9), random.nextInt(10000), random.nextInt(10000));
        world.accountActive[id] = active;
    }

    /** A resident in good standing (active), chosen at random. */
    int anyResident(SplittableRandom r) {
        while (true) {
            int id = world.firstResident + r.nextInt(world.residentCount);
            if (world.accountActive[id]) {
                return id;
            }
        }
    }

    void makeGroups() {
        int n = Math.max(world.scaled(100_000, 0), World.BENCH_REPRESENTATIVES + 20);
        world.groupCount = n;
        world.groupType = new String[n + 1];
        world.groupStatus = new String[n + 1];
        world.groupName = new String[n + 1];
        world.groupArea = new String[n + 1];
        world.groupFields = new String[n + 1][];
        world.groupRep = new int[n + 1];
        world.groupNumber = new String[n + 1];
        world.groupListed = new boolean[n + 1];
        kana = new String[n + 1];
        purpose = new String[n + 1];
        activities = new String[n + 1];
        meetingPlace = new String[n + 1];
        meetingTimes = new String[n + 1];
        contactAccount = new int[n + 1];
        registeredOn = new LocalDate[n + 1];
        validUntil = new LocalDate[n + 1];
        renewed = new int[n + 1];
        founded = new LocalDate[n + 1];
        created = new Instant[n + 1];
        FiscalYear fy = world.thisYear;
        for (int g = 1; g <= n; g++) {
            boolean bench = g <= World.BENCH_REPRESENTATIVES;
            double t = random.nextDouble();
            world.groupType[g] = bench ? (g % 10 == 0 ? "COMMUNITY" : "CIVIC")
                    : t < 0.70 ? "CIVIC" : t < 0.88 ? "COMMUNITY" : t < 0.95 ? "BUSINESS" : "OTHER_ORG";
            double s = random.nextDouble();
            String status = bench ? "REGISTERED" : s < 0.84 ? "REGISTERED" : s < 0.88 ? "SUBMITTED" : s < 0.895 ? "DRAFT"
                    : s < 0.905 ? "RETURNED" : s < 0.915 ? "REFUSED" : s < 0.955 ? "EXPIRED" : s < 0.985 ? "DISSOLVED" : "CANCELLED";
            world.groupStatus[g] = status;
            Topic topic = pick(random, Vocabulary.TOPICS);
            Place place = pick(random, Vocabulary.PLACES);
            world.groupArea[g] = random.nextInt(5) == 0 ? pick(random, world.areas)[0] : place.area();
            Set<String> fields = new LinkedHashSet<>();
            fields.add(topic.field());
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                fields.add(pick(random, Vocabulary.TOPICS).field());
            }
            world.groupFields[g] = fields.toArray(String[]::new);
            name(g, topic, place, null);
            describe(g, topic, null);
            // People: the representative and a contact person, as accounts of the portal.
            int rep = bench ? World.FIRST_BENCH + g - 1 : anyResident(random);
            world.groupRep[g] = rep;
            contactAccount[g] = random.nextInt(3) == 0 ? rep : anyResident(random);
            founded[g] = LocalDate.of(between(random, 1975, world.today.getYear() - 1), between(random, 1, 12), between(random, 1, 28));
            // Registration: when, until when, renewed how many times.
            switch (status) {
                case "REGISTERED" -> {
                    FiscalYear last = random.nextBoolean() ? fy : fy.previous();
                    int renewals = bench ? 0 : random.nextInt(10) < 4 ? between(random, 1, 3) : 0;
                    FiscalYear first = new FiscalYear(last.startYear() - 2 * renewals);
                    registered(g, first, renewals, last.next().end());
                }
                case "EXPIRED" -> {
                    FiscalYear first = new FiscalYear(fy.startYear() - between(random, 3, 7));
                    registered(g, first, 0, first.next().end());
                }
                case "DISSOLVED", "CANCELLED" -> {
                    FiscalYear first = new FiscalYear(fy.startYear() - between(random, 1, 6));
                    registered(g, first, 0, first.next().end());
                }
                default -> created[g] = at(day(random, fy.start(), world.today.minusDays(1)), between(random, 9, 21), random.nextInt(60));
            }
            world.groupListed[g] = status.equals("REGISTERED") && !validUntil[g].isBefore(world.today);
        }
        plant();
        numbers();
        world.listed = java.util.stream.IntStream.rangeClosed(1, n).filter(g -> world.groupListed[g]).toArray();
    }

    private void registered(int g, FiscalYear first, int renewals, LocalDate valid) {
        LocalDate from = first.start();
        LocalDate to = first.end().isAfter(world.today.minusDays(1)) ? world.today.minusDays(1) : first.end();
        registeredOn[g] = day(random, from, to);
        validUntil[g] = valid;
        renewed[g] = renewals;
        created[g] = at(registeredOn[g].minusDays(between(random, 14, 60)), between(random, 9, 21), random.nextInt(60));
    }

    private void name(int g, Topic topic, Place place, Word special) {
        Word stem = special != null ? special : pick(random, topic.stems());
        List<Word> parts = new ArrayList<>();
        switch (special != null ? "CIVIC" : world.groupType[g]) {
            case "COMMUNITY" -> {
                parts.add(place.word());
                if (random.nextBoolean()) {
                    int chome = between(random, 1, 5);
                    parts.add(new Word("一二三四五".charAt(chome - 1) + "丁目", List.of("イッ", "ニ", "サン", "ヨン", "ゴ").get(chome - 1) + "チョウメ"));
                } else if (random.nextInt(3) == 0) {
                    parts.add(new Word("地区", "チク"));
                }
                parts.add(pick(random, Vocabulary.COMMUNITY_SUFFIXES));
            }
            case "BUSINESS" -> {
                Word form = pick(random, Vocabulary.COMPANY_FORMS);
                boolean before = random.nextBoolean();
                if (before) {
                    parts.add(form);
                }
                parts.add(pick(random, Vocabulary.COMPANY_NAMES));
                parts.add(pick(random, Vocabulary.COMPANY_TRADES));
                if (!before) {
                    parts.add(form);
                }
                if (random.nextInt(3) == 0) {
                    parts.add(new Word(" " + stem.text() + "応援チーム", stem.kana() + "オウエンチーム"));
                }
            }
            case "OTHER_ORG" -> {
                parts.add(pick(random, Vocabulary.ORG_FORMS));
                parts.add(pick(random, Vocabulary.ORG_NAMES));
                if (random.nextBoolean()) {
                    parts.add(new Word(" " + stem.text() + "事業部", stem.kana() + "ジギョウブ"));
                }
            }
            default -> {
                int pattern = random.nextInt(10);
                if (pattern == 0) {
                    parts.add(new Word("特定非営利活動法人", "トクテイヒエイリカツドウホウジン"));
                }
                if (pattern <= 5) {
                    parts.add(place.word());
                    parts.add(stem);
                    parts.add(pick(random, Vocabulary.CIVIC_SUFFIXES));
                } else if (pattern <= 8) {
                    parts.add(stem);
                    parts.add(pick(random, Vocabulary.NICKNAME_SUFFIXES));
                    parts.add(pick(random, Vocabulary.NICKNAMES));
                } else {
                    parts.add(pick(random, Vocabulary.NICKNAMES));
                    parts.add(place.word());
                    parts.add(stem);
                    parts.add(pick(random, Vocabulary.CIVIC_SUFFIXES));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reading = new StringBuilder();
        for (Word p : parts) {
            text.append(p.text());
            reading.append(p.kana());
        }
        world.groupName[g] = text.toString();
        kana[g] = reading.toString();
    }

    private static final List<String> FREQUENCIES = List.of("毎週土曜日に", "毎月第1日曜日に", "毎月第2土曜日に", "毎週水曜日の午前に",
            "月2回", "年6回程度", "毎週金曜日の夕方に", "季節ごとに", "平日の朝に", "毎月第3木曜日の夜に");
    private static final List<String> PLACES_OF_MEETING = List.of("本庄市民活動交流センター", "はにぽんプラザ 会議室", "中央公民館",
            "児玉文化会館", "藤田公民館", "仁手公民館", "旭公民館", "北泉公民館", "地区の集会所", "市内各所", "本庄市立図書館", "小学校の体育館");

    private void describe(int g, Topic topic, Rare rare) {
        purpose[g] = pick(random, topic.purposes()) + "。";
        String a1 = pick(random, topic.activities());
        String a2 = pick(random, topic.activities());
        String common = pick(random, FREQUENCIES) + (a1.equals(a2) ? a1 : a1 + "と" + a2) + "を行っています。";
        activities[g] = rare == null ? common : rare.activity() + "。" + common;
        meetingPlace[g] = pick(random, PLACES_OF_MEETING);
        meetingTimes[g] = pick(random, FREQUENCIES).replace("に", "");
    }

    /** Plants each rare word and small place in a known few groups (civic and community groups only). */
    private void plant() {
        List<Integer> candidates = new ArrayList<>();
        for (int g = 1; g <= world.groupCount; g++) {
            if (world.groupType[g].equals("CIVIC") || world.groupType[g].equals("COMMUNITY")) {
                candidates.add(g);
            }
        }
        for (int i = candidates.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, tmp);
        }
        int next = 0;
        for (int r = 0; r < Vocabulary.RARE.size(); r++) {
            Rare rare = Vocabulary.RARE.get(r);
            Topic topic = Vocabulary.TOPICS.stream().filter(t -> t.field().equals(rare.field())).findFirst().orElseThrow();
            int count = Math.max(1, (int) Math.round(Vocabulary.plantedCount(r) * world.scale));
            for (int k = 0; k < count && next < candidates.size(); k++) {
                int g = candidates.get(next++);
                Place place = pick(random, Vocabulary.PLACES);
                world.groupType[g] = "CIVIC".equals(world.groupType[g]) || random.nextBoolean() ? "CIVIC" : "COMMUNITY";
                name(g, topic, place, rare.word());
                describe(g, topic, rare);
                world.groupFields[g] = withFirst(world.groupFields[g], rare.field());
                world.groupArea[g] = place.area();
                planted.add(new Planted(g, "rare", r, topic.word()));
            }
        }
        for (int p = 0; p < Vocabulary.SMALL_PLACES.size(); p++) {
            Place small = Vocabulary.SMALL_PLACES.get(p);
            int count = Math.max(1, (int) Math.round(Vocabulary.plantedCount(p + 7) * world.scale));
            for (int k = 0; k < count && next < candidates.size(); k++) {
                int g = candidates.get(next++);
                Topic topic = pick(random, Vocabulary.TOPICS);
                world.groupType[g] = random.nextInt(4) == 0 ? "COMMUNITY" : "CIVIC";
                Word stem = pick(random, topic.stems());
                Word suffix = world.groupType[g].equals("COMMUNITY") ? pick(random, Vocabulary.COMMUNITY_SUFFIXES) : pick(random, Vocabulary.CIVIC_SUFFIXES);
                world.groupName[g] = small.text() + stem.text() + suffix.text();
                kana[g] = small.kana() + stem.kana() + suffix.kana();
                describe(g, topic, null);
                world.groupArea[g] = small.area();
                // One field only, so that whether a person looking for this place and topic wants the group is clear.
                world.groupFields[g] = new String[] {topic.field()};
                planted.add(new Planted(g, "place", p, topic.word()));
            }
        }
    }

    private static String[] withFirst(String[] fields, String first) {
        Set<String> set = new LinkedHashSet<>();
        set.add(first);
        set.addAll(Arrays.asList(fields));
        return set.toArray(String[]::new);
    }

    /** Registration numbers in the order of registration, without gaps, per fiscal year ({fy}-{seq} as the settings say). */
    private void numbers() {
        TreeMap<String, Integer> order = new TreeMap<>();
        for (int g = 1; g <= world.groupCount; g++) {
            if (registeredOn[g] != null) {
                order.put(registeredOn[g] + String.format("%08d", g), g);
            }
        }
        TreeMap<Integer, Integer> last = new TreeMap<>();
        for (int g : order.values()) {
            int year = FiscalYear.of(registeredOn[g]).startYear();
            int seq = last.merge(year, 1, Integer::sum);
            world.groupNumber[g] = year + "-" + String.format("%03d", seq);
        }
        counters = last;
    }

    private TreeMap<Integer, Integer> counters;

    // ---- Loading ----

    void loadReference(Connection c) throws SQLException {
        try (Copy copy = new Copy(c, "department", "id, code, name, name_en, secretariat, active, created_at, version", world.counts)) {
            int id = 1;
            for (String[] d : Vocabulary.DEPARTMENTS) {
                copy.row(id, d[0], d[1], d[2], id == 3, true, world.now.minusSeconds(86_400L * 2000), 0);
                id++;
            }
        }
        try (Copy copy = new Copy(c, "activity_field", "code, name, name_en, sort_order, active", world.counts)) {
            int i = 0;
            for (String[] f : world.fields) {
                copy.row(f[0], f[1], f[2], ++i, true);
            }
        }
        try (Copy copy = new Copy(c, "activity_area", "code, name, name_en, sort_order, active", world.counts)) {
            int i = 0;
            for (String[] a : world.areas) {
                copy.row(a[0], a[1], a[2], ++i, true);
            }
        }
    }

    void loadAccounts(Connection c) throws SQLException {
        String hash = "{bcrypt}" + BCrypt.hashpw(BENCH_PASSWORD, BCrypt.gensalt(10, seeded()));
        Instant opened = world.now.minusSeconds(86_400L * 1500);
        long[] department = new long[world.accountCount + 1];
        department[World.ADMIN] = 3;
        for (int d = 0; d < world.staffByDepartment.length; d++) {
            for (int s : world.staffByDepartment[d]) {
                department[s] = d + 1;
            }
        }
        try (Copy accounts = new Copy(c, "account", "id, email, password_hash, name, name_kana, postal_code, address, phone, status, "
                + "department_id, email_verified_at, created_at, updated_at, version", world.counts)) {
            for (int id = 1; id <= world.accountCount; id++) {
                String status = world.accountActive[id] ? "ACTIVE" : pendingOrDisabled(id);
                Instant at = opened.plusSeconds(id * 97L % (86_400L * 1400));
                // Staff, committee members and the benchmark's residents have a full profile; most residents too.
                boolean profile = id < world.firstResident || id % 10 < 7;
                accounts.row(id, world.accountEmail[id], hash, world.accountName[id], world.accountKana[id],
                        profile ? world.accountPostal[id] : null, profile ? world.accountAddress[id] : null,
                        profile ? world.accountPhone[id] : null, status, department[id] == 0 ? null : department[id],
                        status.equals("PENDING_VERIFICATION") ? null : at.plusSeconds(600), at, at, 0);
            }
        }
        try (Copy roles = new Copy(c, "account_role", "account_id, role", world.counts)) {
            for (int id = 1; id <= world.accountCount; id++) {
                roles.row(id, "RESIDENT");
                if (id == World.ADMIN) {
                    roles.row(id, "ADMIN");
                    roles.row(id, "STAFF");
                } else if (id >= world.staffByDepartment[0][0] && id <= world.staffByDepartment[world.staffByDepartment.length - 1][2]) {
                    roles.row(id, "STAFF");
                } else if (id >= world.committee[0] && id <= world.committee[world.committee.length - 1]) {
                    roles.row(id, "COMMITTEE");
                }
            }
        }
    }

    private String pendingOrDisabled(int id) {
        int r = id - world.firstResident;
        return r % 37 == 5 ? "PENDING_VERIFICATION" : "DISABLED";
    }

    /** A SecureRandom that gives the same salt every run, so that the same seed gives the same rows. */
    private SecureRandom seeded() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(world.seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void loadGroups(Connection c) throws SQLException {
        try (Copy groups = new Copy(c, "civic_group", "id, type, name, name_kana, founded_on, members_count, membership_fee, area_code, "
                + "purpose, activities, website, social_links, meeting_place, meeting_times, welcomes_members, welcomes_volunteers, "
                + "rep_name, rep_name_kana, rep_postal_code, rep_address, rep_phone, rep_email, rep_publish_address, rep_publish_phone, "
                + "rep_publish_email, contact_name, contact_name_kana, contact_postal_code, contact_address, contact_phone, contact_email, "
                + "contact_publish_address, contact_publish_phone, contact_publish_email, declares_active_in_city, declares_no_political, "
                + "declares_no_religious, declares_no_antisocial, status, draft_step, registration_number, registered_on, valid_until, "
                + "last_decision_message, submitted_at, created_by, created_at, updated_at, version, renewal_reminded_on, "
                + "rep_consent_address, rep_consent_phone, rep_consent_email, rep_consented_at, contact_consent_address, "
                + "contact_consent_phone, contact_consent_email, contact_consented_at", world.counts)) {
            for (int g = 1; g <= world.groupCount; g++) {
                String status = world.groupStatus[g];
                String type = world.groupType[g];
                int rep = world.groupRep[g];
                int contact = contactAccount[g];
                boolean draft = status.equals("DRAFT");
                int members = switch (type) {
                    case "COMMUNITY" -> between(random, 30, 400);
                    case "BUSINESS" -> between(random, 5, 120);
                    case "OTHER_ORG" -> between(random, 20, 200);
                    default -> between(random, 5, 60);
                };
                boolean[] repPublish = {random.nextInt(10) == 0, random.nextInt(10) < 4, random.nextInt(10) < 3};
                boolean[] contactPublish = {random.nextInt(20) == 0, random.nextInt(10) < 5, random.nextInt(10) < 5};
                Boolean[] repConsent = consent(repPublish);
                Boolean[] contactConsent = consent(contactPublish);
                Instant submitted = draft ? null : created[g].plusSeconds(86_400L * between(random, 1, 10));
                Instant updated = registeredOn[g] != null ? at(registeredOn[g], 10, 0) : submitted != null ? submitted : created[g];
                String decision = switch (status) {
                    case "RETURNED" -> "規約の写しが最新のものではありません。改正後の規約を添付してください。";
                    case "REFUSED" -> "市内での活動の実態が確認できないため、登録できません。";
                    case "CANCELLED" -> "活動の実態がないことが確認されたため、登録を取り消しました。";
                    default -> null;
                };
                boolean welcomes = random.nextInt(10) < 7;
                groups.row(g, type, world.groupName[g], kana[g], founded[g], members,
                        pick(random, List.of("年額1,000円", "無料", "月額300円", "年額2,000円", "年額500円", "なし")),
                        world.groupArea[g], purpose[g], activities[g],
                        random.nextInt(4) == 0 ? "https://example.jp/groups/" + g : null, null, meetingPlace[g], meetingTimes[g],
                        welcomes, welcomes && random.nextBoolean(),
                        world.accountName[rep], world.accountKana[rep], world.accountPostal[rep], world.accountAddress[rep],
                        world.accountPhone[rep], world.accountEmail[rep], repPublish[0], repPublish[1], repPublish[2],
                        world.accountName[contact], world.accountKana[contact], world.accountPostal[contact], world.accountAddress[contact],
                        world.accountPhone[contact], world.accountEmail[contact], contactPublish[0], contactPublish[1], contactPublish[2],
                        !draft, !draft, !draft, !draft, status, draft ? between(random, 1, 4) : 5, world.groupNumber[g], registeredOn[g],
                        validUntil[g], decision, submitted, rep, created[g], updated, renewed[g] + (registeredOn[g] == null ? 0 : 1),
                        remindedOfRenewal(g),
                        repConsent[0], repConsent[1], repConsent[2], answered(repConsent, submitted),
                        contactConsent[0], contactConsent[1], contactConsent[2], answered(contactConsent, submitted));
            }
        }
        try (Copy fields = new Copy(c, "civic_group_field", "group_id, field_code", world.counts)) {
            for (int g = 1; g <= world.groupCount; g++) {
                for (String f : world.groupFields[g]) {
                    fields.row(g, f);
                }
            }
        }
        try (Copy members = new Copy(c, "civic_group_member", "group_id, account_id, role, joined_at", world.counts)) {
            for (int g = 1; g <= world.groupCount; g++) {
                Set<Integer> in = new LinkedHashSet<>();
                members.row(g, world.groupRep[g], "REPRESENTATIVE", created[g]);
                in.add(world.groupRep[g]);
                if (in.add(contactAccount[g])) {
                    members.row(g, contactAccount[g], "STAFF", created[g].plusSeconds(3600));
                }
                for (int m = random.nextInt(4); m > 0; m--) {
                    int member = anyResident(random);
                    if (in.add(member)) {
                        members.row(g, member, "MEMBER", created[g].plusSeconds(86_400L * between(random, 1, 300)));
                    }
                }
            }
        }
        try (Copy history = new Copy(c, "civic_group_history", "group_id, occurred_at, actor_id, actor_name, event, message", world.counts)) {
            int staff = world.staffByDepartment[2][0];
            for (int g = 1; g <= world.groupCount; g++) {
                String status = world.groupStatus[g];
                history.row(g, created[g], world.groupRep[g], world.accountName[world.groupRep[g]], "created", null);
                if (status.equals("DRAFT")) {
                    continue;
                }
                Instant submitted = created[g].plusSeconds(86_400);
                history.row(g, submitted, world.groupRep[g], world.accountName[world.groupRep[g]], "submitted", null);
                switch (status) {
                    case "RETURNED" -> history.row(g, submitted.plusSeconds(86_400 * 5), staff, world.accountName[staff], "returned",
                            "規約の写しが最新のものではありません。");
                    case "REFUSED" -> history.row(g, submitted.plusSeconds(86_400 * 5), staff, world.accountName[staff], "refused",
                            "市内での活動の実態が確認できないため。");
                    case "SUBMITTED" -> {
                    }
                    default -> {
                        history.row(g, at(registeredOn[g], 10, 0), staff, world.accountName[staff], "approved", world.groupNumber[g]);
                        for (int r = renewed[g]; r > 0; r--) {
                            LocalDate until = validUntil[g].minusYears(2L * (r - 1));
                            history.row(g, at(until.minusYears(2).minusDays(20), 10, 0), staff, world.accountName[staff], "renewed",
                                    jp.kyodo.shared.JapaneseDates.format(until));
                        }
                        switch (status) {
                            case "EXPIRED" -> history.row(g, at(validUntil[g].plusDays(1), 3, 0), null, "システム", "expired", null);
                            case "DISSOLVED" -> history.row(g, at(validUntil[g].minusMonths(3), 11, 0), world.groupRep[g],
                                    world.accountName[world.groupRep[g]], "dissolved", "会員の高齢化により活動を終えることにしました。");
                            case "CANCELLED" -> history.row(g, at(validUntil[g].minusMonths(6), 11, 0), staff, world.accountName[staff],
                                    "cancelled", "活動の実態がないため。");
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        try (Copy counter = new Copy(c, "registration_counter", "fiscal_year, last_number", world.counts)) {
            for (var e : counters.entrySet()) {
                counter.row(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * A registered group in its renewal window (from 1 February until its registration ends) was reminded today, as
     * the daily job does, so that a portal started on the dataset does not mail every such group at once.
     */
    private LocalDate remindedOfRenewal(int g) {
        if (!world.groupStatus[g].equals("REGISTERED") || validUntil[g] == null) {
            return null;
        }
        LocalDate opens = LocalDate.of(validUntil[g].getYear(), 2, 1);
        return !world.today.isBefore(opens) && !world.today.isAfter(validUntil[g]) ? world.today : null;
    }

    /** Each detail the group asked to publish: most people said yes, some no, some have not answered. */
    private Boolean[] consent(boolean[] publish) {
        Boolean[] answer = new Boolean[3];
        for (int i = 0; i < 3; i++) {
            if (publish[i]) {
                int r = random.nextInt(10);
                answer[i] = r < 8 ? Boolean.TRUE : r < 9 ? Boolean.FALSE : null;
            }
        }
        return answer;
    }

    private static Instant answered(Boolean[] consent, Instant submitted) {
        return submitted != null && Arrays.stream(consent).anyMatch(b -> b != null) ? submitted.minusSeconds(3600) : null;
    }

    /** Sets every id sequence after the rows loaded with their own ids. */
    static void sequences(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    select table_name from information_schema.columns
                    where table_schema = 'public' and column_name = 'id' and column_default like 'nextval%'""");
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            for (String t : tables) {
                s.execute("select setval(pg_get_serial_sequence('" + t + "', 'id'), coalesce((select max(id) from " + t + "), 0) + 1, false)");
            }
        }
    }
}
