package jp.kyodo.bench.generate;

import static jp.kyodo.bench.generate.World.at;
import static jp.kyodo.bench.generate.World.between;
import static jp.kyodo.bench.generate.World.pick;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Public comment (パブリックコメント) on the departments' draft plans over several fiscal years: the procedures with
 * their sections, many residents' comments (most from an account, some confirmed by e-mail, a few still unconfirmed)
 * and, for the finished ones, the city's view on each group of similar comments.
 */
final class Participation {

    private static final String[] GROUP_KEYS = {"A", "B", "C", "D", "E"};

    private final World world;
    private final Registry registry;
    private final SplittableRandom random;

    Participation(World world, Registry registry) {
        this.world = world;
        this.registry = registry;
        this.random = world.random("participation");
    }

    private record Procedure(long id, LocalDate opens, LocalDate closes, String status, int comments, long firstSection, int sections) {
    }

    void load(Connection c) throws SQLException {
        int target = world.scaled(500_000, 10);
        LocalDate first = world.thisYear.start().minusYears(4);
        List<Procedure> list = new ArrayList<>();
        long sectionId = 0;
        int made = 0;
        try (Copy procedures = new Copy(c, "pc_procedure", "id, department_id, title, purpose, paper_copies, opens_on, closes_on, "
                + "short_period_reason, status, result_note, result_published_at, created_by, created_at, updated_at, version", world.counts)) {
            long id = 0;
            long days = world.today.toEpochDay() - first.toEpochDay();
            while (made < target || list.size() < 6) {
                id++;
                // Two drafts coming next month, three open now, then the others over the past years.
                LocalDate opens = id <= 2 ? world.today.plusDays(between(random, 10, 40))
                        : id <= 5 ? world.today.minusDays(between(random, 0, 25))
                        : first.plusDays(random.nextLong(days));
                LocalDate closes = opens.plusDays(between(random, 30, 45));
                boolean draft = id == 1;
                String status = draft ? "DRAFT" : closes.isBefore(world.today.minusDays(90)) ? "RESULT_PUBLISHED" : "PUBLISHED";
                boolean takes = !draft && !opens.isAfter(world.today);
                int comments = takes ? Math.min(target - made, between(random, 20, 480)) : 0;
                made += comments;
                String[] plan = pick(random, Vocabulary.PLANS);
                int department = Integer.parseInt(plan[0]) + 1;
                int staff = world.staffByDepartment[department - 1][random.nextInt(3)];
                String title = plan[1] + (random.nextInt(3) == 0 ? "(第" + between(random, 2, 4) + "次)" : "") + "(案)";
                int sections = between(random, 3, 6);
                list.add(new Procedure(id, opens, closes, status, comments, sectionId + 1, sections));
                sectionId += sections;
                Instant created = at(opens.minusDays(14), 10, 0);
                Instant published = status.equals("RESULT_PUBLISHED") ? at(closes.plusDays(between(random, 45, 80)), 10, 0) : null;
                procedures.row(id, department, title, title.replace("(案)", "") + "の案について、市民の皆さんのご意見を募集します。",
                        "市役所" + Vocabulary.DEPARTMENTS.get(department - 1)[1] + "、各公民館、図書館で閲覧できます。", opens, closes, null, status,
                        published != null ? "お寄せいただいたご意見を踏まえ、計画を策定しました。ご協力ありがとうございました。" : null, published, staff,
                        created, published != null ? published : created, published != null ? 3 : 1);
            }
        }
        try (Copy sections = new Copy(c, "pc_section", "id, procedure_id, seq, heading, body", world.counts)) {
            for (Procedure p : list) {
                for (int s = 0; s < p.sections(); s++) {
                    String heading = Vocabulary.PLAN_SECTIONS.get(s);
                    sections.row(p.firstSection() + s, p.id(), s + 1, heading,
                            heading + "について、計画の考え方と主な取組を示します。市民、地域、事業者、市がそれぞれの役割を担い、協働して進めます。");
                }
            }
        }
        try (Copy views = new Copy(c, "pc_view", "procedure_id, group_key, summary, city_view, changed, change_note", world.counts)) {
            for (Procedure p : list) {
                if (p.status().equals("RESULT_PUBLISHED")) {
                    for (int k = 0; k < keys(p); k++) {
                        boolean changed = random.nextInt(3) == 0;
                        views.row(p.id(), GROUP_KEYS[k], pick(random, Vocabulary.OPINIONS) + "という趣旨のご意見",
                                "ご意見の趣旨は計画の方向性と一致しています。具体的な取組は、実施計画の中で検討します。", changed,
                                changed ? "第" + between(random, 2, 5) + "章の記述を修正しました。" : null);
                    }
                }
            }
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Copy comments = new Copy(c, "pc_comment", "procedure_id, section_id, name, address, email, eligibility, body, account_id, "
                + "status, token_hash, group_key, created_at, confirmed_at", world.counts)) {
            long n = 0;
            for (Procedure p : list) {
                long openDays = Math.max(1, Math.min(p.closes().toEpochDay(), world.today.toEpochDay() - 1) - p.opens().toEpochDay() + 1);
                for (int i = 0; i < p.comments(); i++) {
                    n++;
                    boolean account = random.nextInt(10) < 6;
                    int person = registry.anyResident(random);
                    String name = world.accountName[person];
                    String email = account ? world.accountEmail[person] : "iken-" + n + "@example.jp";
                    boolean open = !p.closes().isBefore(world.today);
                    boolean unconfirmed = !account && open && random.nextInt(20) == 0;
                    Instant created = at(p.opens().plusDays(random.nextLong(openDays)), between(random, 7, 23), random.nextInt(60));
                    if (created.isAfter(world.now)) {
                        created = world.now.minusSeconds(between(random, 60, 3600));
                    }
                    String token = unconfirmed ? HexFormat.of().formatHex(sha.digest(("pc-" + world.seed + "-" + n).getBytes(StandardCharsets.UTF_8))) : null;
                    String section = Vocabulary.PLAN_SECTIONS.get(random.nextInt(p.sections()));
                    String body = "「" + section + "」について。" + pick(random, Vocabulary.REASONS) + "、" + pick(random, Vocabulary.CONCERNS) + "。"
                            + pick(random, Vocabulary.OPINIONS) + "。";
                    comments.row(p.id(), random.nextInt(5) == 0 ? null : p.firstSection() + random.nextInt(p.sections()), name,
                            world.accountAddress[person], email, pick(random, List.of("LIVE", "LIVE", "LIVE", "WORK", "STUDY", "BUSINESS")), body,
                            account ? person : null, unconfirmed ? "UNCONFIRMED" : "RECEIVED", token,
                            p.status().equals("RESULT_PUBLISHED") ? GROUP_KEYS[random.nextInt(keys(p))] : null, created,
                            unconfirmed ? null : account ? created : created.plusSeconds(between(random, 60, 7200)));
                }
            }
        }
    }

    private static int keys(Procedure p) {
        return 3 + (int) (p.id() % 3);
    }
}
