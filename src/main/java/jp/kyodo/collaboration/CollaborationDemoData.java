package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.FiscalYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo content for an empty database: this year's open call for resident-proposed projects, an open theme of the
 * child-rearing support division, and last year's theme of the environment division with a finished screening
 * round scored by three committee members (one of whom declared a conflict of interest). Proposals are in every state.
 */
@Component
@Order(30)
class CollaborationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CollaborationDemoData.class);

    private final CallRepository calls;
    private final ProposalRepository proposals;
    private final ProjectRepository projects;
    private final AgreementRepository agreements;
    private final Projects projectService;
    private final Reports reports;
    private final Accounts accounts;
    private final Groups groups;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;
    private final boolean demoData;
    private final String adminEmail;

    CollaborationDemoData(CallRepository calls, ProposalRepository proposals, ProjectRepository projects, AgreementRepository agreements,
                          Projects projectService, Reports reports, Accounts accounts, Groups groups, JdbcClient jdbc,
                          TransactionTemplate tx, Clock clock, CityProfile city, @Value("${kyodo.demo-data}") boolean demoData,
                          @Value("${kyodo.admin.email:}") String adminEmail) {
        this.calls = calls;
        this.proposals = proposals;
        this.projects = projects;
        this.agreements = agreements;
        this.projectService = projectService;
        this.reports = reports;
        this.accounts = accounts;
        this.groups = groups;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
        this.demoData = demoData;
        this.adminEmail = adminEmail;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData || !adminEmail.isBlank()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (calls.count() > 0) {
                return;
            }
            Optional<AccountSummary> admin = accounts.findByEmail("admin@example.jp");
            Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
            Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
            List<AccountSummary> committee = new ArrayList<>();
            for (String e : List.of("iinkai@example.jp", "iinkai2@example.jp", "iinkai3@example.jp")) {
                accounts.findByEmail(e).ifPresent(committee::add);
            }
            List<PublicGroup> listed = groups.listed();
            if (admin.isEmpty() || resident.isEmpty() || staff.isEmpty() || committee.size() < 3 || listed.size() < 11) {
                return;
            }
            load(admin.get(), resident.get(), staff.get(), committee, listed);
        });
    }

    private void load(AccountSummary admin, AccountSummary resident, AccountSummary staff, List<AccountSummary> committee,
                      List<PublicGroup> listed) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        int nextYear = FiscalYear.of(today).next().startYear();
        long secretariat = accounts.secretariat().map(DepartmentView::id).orElseThrow();
        long kosodate = department("06-kosodate").orElse(secretariat);
        long kankyo = department("04-kankyo").orElse(secretariat);

        Call yearly = call(CallOrigin.GROUP, secretariat, admin.id(), new CallForm.Checked(nextYear, "令和" + (nextYear - 2018) + "年度 市民提案型協働事業",
                null, null, "市民活動団体等が、地域の課題を解決するために市と協働して行う事業を募集します。\n対象経費:講師謝礼、消耗品費、印刷製本費、会場使用料など。\n提出書類:提案書、収支予算書、団体の規約・役員名簿。",
                300_000L, null, EnumSet.of(CollaborationForm.SUBSIDY, CollaborationForm.COHOSTING, CollaborationForm.COOPERATION), Set.of(),
                today.minusDays(10), today.plusDays(40), today.plusDays(25), today.plusDays(50), today.plusDays(65), today.plusDays(80)), now);
        Call themeA = call(CallOrigin.CITY, kosodate, admin.id(), new CallForm.Checked(nextYear, "放課後の子どもの居場所づくり",
                "共働き世帯の増加により、放課後や長期休みに一人で過ごす小学生が増えています。学童保育の定員にも限りがあり、地域での見守りの担い手が不足しています。",
                "地域の団体と市が協働し、小学生が安心して過ごせる居場所を市内に複数つくること。参加した子どもと保護者の満足度80%以上。",
                "委託または補助による実施を想定しています。", 500_000L, null, EnumSet.of(CollaborationForm.COMMISSION, CollaborationForm.SUBSIDY),
                Set.of("kosodate"), today.minusDays(10), today.plusDays(40), today.plusDays(25), today.plusDays(50), today.plusDays(65),
                today.plusDays(80)), now);
        LocalDate lastOpens = today.minusMonths(8);
        Call themeB = call(CallOrigin.CITY, kankyo, admin.id(), new CallForm.Checked(nextYear - 1, "家庭の食品ロス削減の啓発",
                "市のごみのうち、まだ食べられる食品が一定の割合を占めています。家庭での食品ロスを減らす行動を広げる必要があります。",
                "家庭で食品ロスを減らす工夫を知り、実践する市民を増やすこと。", null, 400_000L, null,
                EnumSet.of(CollaborationForm.COMMISSION, CollaborationForm.COHOSTING), Set.of("kankyo"), lastOpens, lastOpens.plusDays(45),
                lastOpens.plusDays(30), lastOpens.plusDays(60), lastOpens.plusDays(75), lastOpens.plusDays(90)), now);
        themeB.close(now);

        PublicGroup residentGroup = listed.stream().filter(g -> groups.manages(g.id(), resident.id())).findFirst().orElse(listed.getFirst());
        List<PublicGroup> others = new ArrayList<>(listed.stream().filter(g -> g.id().longValue() != residentGroup.id()).toList());
        // Groups whose fields suit each call come first, so that the demo reads naturally.
        List<PublicGroup> children = pick(others, Set.of("kosodate", "koreisha"), 2);
        List<PublicGroup> environment = pick(others, Set.of("kankyo", "seiso", "matsuri", "koreisha"), 5);

        // This year: a draft, one under consultation, one submitted, one withdrawn.
        proposal(yearly, residentGroup, resident.id(), "親子で楽しむ絵本と手遊びの会", 120_000, now);
        Proposal consulting = proposal(themeA, residentGroup, resident.id(), "放課後ひまわりクラブ", 450_000, now);
        consulting.consult(now);
        long consultation = consultation(consulting, kosodate, resident, now.minusSeconds(86_400 * 3),
                "放課後の居場所として、はにぽんプラザの交流スペースを週2回使いたいと考えています。見守りボランティアの保険について、市の制度を使えるか教えてください。");
        message(consultation, "CITY", staff, now.minusSeconds(86_400), "市民活動保険の対象になります。会場は子育て支援課で予約を調整できますので、希望の曜日をお知らせください。");
        Proposal submitted = proposal(themeA, children.get(0), staff.id(), "地域の大人と学ぶ放課後教室", 380_000, now);
        long c2 = consultation(submitted, kosodate, staff, now.minusSeconds(86_400 * 5), "学習支援の講師謝礼を対象経費にできますか。");
        message(c2, "CITY", staff, now.minusSeconds(86_400 * 4), "講師謝礼は対象経費です。1回あたりの単価を収支予算書に記載してください。");
        submitted.submit(now);
        Proposal withdrawn = proposal(yearly, environment.get(4), staff.id(), "まちなか花壇づくり", 90_000, now);
        withdrawn.withdraw(now);

        // Last year's theme: screened on documents by three members, decided (one still awaiting its decision).
        List<Proposal> screened = List.of(
                proposal(themeB, environment.get(0), staff.id(), "食べきり料理教室と食品ロス診断", 360_000, now),
                proposal(themeB, environment.get(1), staff.id(), "フードドライブ常設拠点の運営", 300_000, now),
                proposal(themeB, environment.get(2), staff.id(), "子ども向け食品ロス紙芝居", 150_000, now),
                proposal(themeB, environment.get(3), staff.id(), "商店街のてまえどり運動", 200_000, now));
        for (Proposal p : screened) {
            p.submit(now);
            p.startScreening(now);
        }
        proposals.flush();
        long round = screening(themeB, admin.id(), committee, screened, now);
        screened.get(0).decide(ProposalStatus.ADOPTED, "食品ロスの実態を家庭で確かめる工夫があり、実現性も高い。", null, now);
        screened.get(1).decide(ProposalStatus.CONDITIONALLY_ADOPTED, "常設拠点の意義は大きい。", "寄付食品の衛生管理の手順を、事業開始前に環境推進課と確認すること。", now);
        screened.get(2).decide(ProposalStatus.NOT_ADOPTED, "対象が限られ、費用に見合う効果が見込みにくい。", null, now);

        // Projects at every stage: last year's resident-proposed call gave an art festival and the running of a
        // historic building, both evaluated and published, and a third still running; this year's food-loss
        // projects are being evaluated and having their agreement drafted.
        Actor secretariatActor = actor(admin);
        Actor staffActor = actor(staff);
        LocalDate previousOpens = today.minusMonths(20);
        Call lastYearly = call(CallOrigin.GROUP, secretariat, admin.id(), new CallForm.Checked(nextYear - 2,
                "令和" + (nextYear - 2 - 2018) + "年度 市民提案型協働事業", null, null, "市民活動団体等が市と協働して行う事業を募集しました。", 300_000L, null,
                EnumSet.of(CollaborationForm.SUBSIDY, CollaborationForm.COHOSTING, CollaborationForm.COMMISSION), Set.of(),
                previousOpens, previousOpens.plusDays(45), previousOpens.plusDays(30), previousOpens.plusDays(60), null,
                previousOpens.plusDays(90)), now);
        lastYearly.close(now);
        List<PublicGroup> culture = pick(others, Set.of("geijutsu", "bunka", "matsuri"), 3);
        Proposal art = adopted(proposal(lastYearly, culture.get(0), staff.id(), "こだまの里 アートフェスタ", 280_000, now), now);
        Proposal building = adopted(proposal(lastYearly, culture.get(1), staff.id(), "煉瓦倉庫で開く まちの寄り合い処", 250_000, now), now);
        Proposal running = adopted(proposal(lastYearly, culture.get(2), staff.id(), "地域のお囃子を子どもに伝える教室", 150_000, now), now);
        proposals.flush();
        publishedProject(art, secretariatActor, staffActor, committee, new int[] {5, 4, 4}, now);
        publishedProject(building, secretariatActor, staffActor, committee, new int[] {4, 4, 3}, now);
        long runningProject = signedProject(running, secretariatActor, staffActor, now);
        report(runningProject, "INTERIM", "SUBMITTED", running, 1.0, "子ども12人がお囃子の練習を始め、秋祭りでの披露に向けて週1回の教室を続けています。", 96);
        long evaluating = signedProject(screened.get(0), secretariatActor, staffActor, now);
        report(evaluating, "INTERIM", "ACCEPTED", screened.get(0), 0.5, "料理教室を4回開き、家庭の食品ロス診断を試行しました。", 80);
        report(evaluating, "COMPLETION", "ACCEPTED", screened.get(0), 1.05, "料理教室を12回開き、延べ240人が参加。診断を受けた家庭の食品ロスが平均3割減りました。", 240);
        projects.findById(evaluating).orElseThrow().complete(now);
        evaluation(evaluating, "GROUP", 0, staff.name(), 4, "市の広報で参加者が広がりました。");
        decisionsOpenProject(screened.get(1), secretariatActor, now);
        log.info("Loaded demo collaboration calls, proposals, screening round #{} and projects", round);
    }

    /** Takes {@code count} groups out of the list, those with one of the fields first. */
    private static List<PublicGroup> pick(List<PublicGroup> from, Set<String> fields, int count) {
        List<PublicGroup> sorted = new ArrayList<>(from);
        sorted.sort(java.util.Comparator.comparing(g -> g.fields().stream().noneMatch(f -> fields.contains(f.code()))));
        List<PublicGroup> chosen = new ArrayList<>(sorted.subList(0, Math.min(count, sorted.size())));
        from.removeAll(chosen);
        return chosen;
    }

    private static Actor actor(AccountSummary a) {
        return new Actor() {
            public Long accountId() {
                return a.id();
            }

            public String displayName() {
                return a.name();
            }
        };
    }

    private static Proposal adopted(Proposal p, Instant now) {
        p.submit(now);
        p.startScreening(now);
        p.decide(ProposalStatus.ADOPTED, "地域の課題に合い、実施体制も整っている。", null, now);
        return p;
    }

    private void decisionsOpenProject(Proposal p, Actor by, Instant now) {
        projectService.open(p, by, now);
    }

    /** A project whose first agreement both sides confirmed; returns its id. */
    private long signedProject(Proposal p, Actor city, Actor group, Instant now) {
        projectService.open(p, city, now);
        Project project = projects.findByProposalId(p.id()).orElseThrow();
        Agreement a = agreements.findByProjectIdOrderByNumberDesc(project.id()).getFirst();
        a.confirmByCity(city.accountId(), city.displayName(), now);
        a.confirmByGroup(group.accountId(), "代表者", now);
        project.start(now);
        reports.onStart(new Projects.ProjectStarted(project.id(), a.clauses().periodFrom(), a.clauses().periodTo()));
        return project.id();
    }

    /** A finished project: both reports accepted, evaluated by the group, the department and the three members, published. */
    private void publishedProject(Proposal p, Actor city, Actor group, List<AccountSummary> committee, int[] levels, Instant now) {
        long id = signedProject(p, city, group, now);
        report(id, "INTERIM", "ACCEPTED", p, 0.5, "準備を進め、前半の催しを予定どおり開きました。", 150);
        report(id, "COMPLETION", "ACCEPTED", p, 0.97, "計画した催しをすべて開き、延べ参加者は目標を上回りました。地域の新しい担い手も加わりました。", 620);
        Project project = projects.findById(id).orElseThrow();
        project.complete(now);
        evaluation(id, "GROUP", 0, group.displayName(), levels[0], "市の担当課が会場との調整を担ってくれ、企画に集中できました。");
        evaluation(id, "CITY", 0, city.displayName(), levels[1], "団体の企画力と地域のつながりが大きな力になりました。次年度は自主事業化を目指します。");
        for (AccountSummary m : committee) {
            evaluation(id, "COMMITTEE", m.id(), m.name(), levels[2], "役割分担が明確で、情報発信も工夫されていた。");
        }
        project.publish(now);
    }

    private void report(long projectId, String kind, String status, Proposal p, double spentShare, String activities, int participants) {
        long id = jdbc.sql("select id from collab_report where project_id = :p and kind = :k").param("p", projectId).param("k", kind)
                .query(Long.class).single();
        jdbc.sql("""
                        update collab_report set status = :s, activities = :a, participants = :n, submitted_at = now(),
                            decided_at = case when :s = 'ACCEPTED' then now() end where id = :id""")
                .param("s", status).param("a", activities).param("n", participants).param("id", id).update();
        for (int i = 0; i < p.targets().size(); i++) {
            jdbc.sql("insert into collab_report_outcome (report_id, target_seq, achieved) values (:r, :s, :t)")
                    .param("r", id).param("s", i).param("t", i == 0 ? "86%" : "年12回").update();
        }
        for (int i = 0; "COMPLETION".equals(kind) && i < p.budget().size(); i++) {
            long planned = p.budget().get(i).amount();
            long actual = Math.round(planned * (i == 2 ? spentShare * 1.2 : spentShare) / 100.0) * 100;
            jdbc.sql("insert into collab_report_actual (report_id, budget_seq, amount) values (:r, :s, :a)")
                    .param("r", id).param("s", i).param("a", actual).update();
        }
    }

    private void evaluation(long projectId, String side, long account, String name, int level, String comment) {
        long id = jdbc.sql("""
                        insert into collab_evaluation (project_id, side, account_id, author_name, status, comment, submitted_at, updated_at, version)
                        values (:p, :side, :a, :name, 'SUBMITTED', :c, now(), now(), 1) returning id""")
                .param("p", projectId).param("side", side).param("a", account).param("name", name).param("c", comment)
                .query(Long.class).single();
        int i = 0;
        for (EvaluationMath.Axis axis : EvaluationMath.Axis.values()) {
            int score = Math.max(1, Math.min(5, level + (i++ % 3 == 0 ? 0 : (i % 4 == 0 ? -1 : 0))));
            jdbc.sql("insert into collab_evaluation_score (evaluation_id, axis, score) values (:e, :a, :s)")
                    .param("e", id).param("a", axis.name()).param("s", score).update();
        }
    }

    private Optional<Long> department(String code) {
        return accounts.activeDepartments().stream().filter(d -> d.code().equals(code)).map(DepartmentView::id).findFirst();
    }

    private Call call(CallOrigin origin, long department, long by, CallForm.Checked checked, Instant now) {
        Call c = Call.draft(origin, department, by, now);
        c.edit(checked, now);
        c.publish(now);
        return calls.save(c);
    }

    private Proposal proposal(Call call, PublicGroup group, long by, String title, long cityShare, Instant now) {
        Proposal p = proposals.save(Proposal.draft(call.id(), group.id(), title, by, now));
        LocalDate from = FiscalYear.of(call.applicationCloses()).next().start();
        CollaborationForm form = call.forms().iterator().next();
        p.editOutline(title, "「" + call.title() + "」の課題に、" + group.name() + "の経験を生かして取り組みます。",
                title + "を年間を通じて実施します。毎月の活動の内容は、参加者の声を聞きながら市の担当課と相談して決めます。",
                "市内在住の方", "各回20人", from, from.plusMonths(11).withDayOfMonth(1).plusMonths(1).minusDays(1),
                "はにぽんプラザ", form, now);
        p.editRoles(List.of(
                new ProposalLines.Role("企画・運営", "プログラムの企画、当日の運営", "会場の確保、関係機関との調整"),
                new ProposalLines.Role("広報", "SNSとチラシでの周知", "広報紙・市ウェブサイトへの掲載"),
                new ProposalLines.Role("ふりかえり", "参加者アンケートの実施と集計", "評価会議の開催")), now);
        long fees = 20_000;
        p.editBudget(List.of(
                new ProposalLines.Budget(ProposalLines.BudgetKind.INCOME, "参加費", fees, ProposalLines.Bearer.GROUP, "200円×100人"),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "講師謝礼", cityShare * 2 / 3, ProposalLines.Bearer.CITY, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "消耗品費", cityShare - cityShare * 2 / 3, ProposalLines.Bearer.CITY, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "会場使用料", fees, ProposalLines.Bearer.GROUP, null)), now);
        p.editTargets(List.of(
                new ProposalLines.Target(ProposalLines.TargetKind.OUTCOME, "参加者の満足度", "80%以上"),
                new ProposalLines.Target(ProposalLines.TargetKind.ACTIVITY, "開催回数", "年12回")),
                "団体が長年続けてきた活動の経験を生かし、市の広報と組み合わせて新しい参加者に届けます。",
                "事業終了後も参加費と寄付で自主的に続け、他の地区にも広げます。", now);
        return p;
    }

    private long consultation(Proposal p, long department, AccountSummary by, Instant at, String body) {
        proposals.flush();
        long id = jdbc.sql("""
                        insert into collab_consultation (proposal_id, department_id, opened_by, opened_at) values (:p, :d, :by, :at) returning id""")
                .param("p", p.id()).param("d", department).param("by", by.id()).param("at", Timestamp.from(at)).query(Long.class).single();
        message(id, "GROUP", by, at, body);
        return id;
    }

    private void message(long consultation, String side, AccountSummary by, Instant at, String body) {
        jdbc.sql("""
                        insert into collab_consultation_message (consultation_id, side, author_id, author_name, body, created_at)
                        values (:c, :side, :by, :name, :body, :at)""")
                .param("c", consultation).param("side", side).param("by", by.id()).param("name", by.name()).param("body", body)
                .param("at", Timestamp.from(at)).update();
        if ("CITY".equals(side)) {
            jdbc.sql("update collab_consultation set city_replied_at = coalesce(city_replied_at, :at) where id = :c")
                    .param("at", Timestamp.from(at)).param("c", consultation).update();
        }
    }

    /** A closed document screening: member 1 has a conflict with the first proposal; the others scored everything. */
    private long screening(Call call, long by, List<AccountSummary> members, List<Proposal> screened, Instant now) {
        long id = jdbc.sql("""
                        insert into collab_screening (call_id, stage, aggregation, threshold_percent, status, created_by, created_at, updated_at)
                        values (:c, 'DOCUMENTS', 'MEAN', 60, 'CLOSED', :by, :now, :now) returning id""")
                .param("c", call.id()).param("by", by).param("now", Timestamp.from(now)).query(Long.class).single();
        List<Long> criteria = new ArrayList<>();
        int seq = 0;
        for (ScreeningMath.Criterion c : RubricPreset.MOTOSU.criteria()) {
            criteria.add(jdbc.sql("""
                            insert into collab_screening_criterion (screening_id, seq, name, max_points, weight)
                            values (:s, :seq, :name, :max, :w) returning id""")
                    .param("s", id).param("seq", ++seq).param("name", c.name()).param("max", c.maxPoints()).param("w", BigDecimal.ONE)
                    .query(Long.class).single());
        }
        for (AccountSummary m : members) {
            jdbc.sql("insert into collab_screening_member (screening_id, account_id) values (:s, :a)").param("s", id).param("a", m.id()).update();
        }
        int[][] base = {{8, 9, 8}, {7, 7, 6}, {4, 5, 4}, {6, 7, 6}};
        for (int p = 0; p < screened.size(); p++) {
            long proposalId = screened.get(p).id();
            jdbc.sql("insert into collab_screening_proposal (screening_id, proposal_id) values (:s, :p)").param("s", id).param("p", proposalId).update();
            for (int m = 0; m < members.size(); m++) {
                long member = members.get(m).id();
                if (p == 0 && m == 0) {
                    jdbc.sql("""
                                    insert into collab_screening_conflict (screening_id, proposal_id, account_id, reason, declared_at)
                                    values (:s, :p, :a, '提案団体の会員であるため', :now)""")
                            .param("s", id).param("p", proposalId).param("a", member).param("now", Timestamp.from(now)).update();
                    continue;
                }
                jdbc.sql("""
                                insert into collab_score_sheet (screening_id, proposal_id, account_id, status, comment, updated_at, submitted_at, version)
                                values (:s, :p, :a, 'SUBMITTED', :comment, :now, :now, 1)""")
                        .param("s", id).param("p", proposalId).param("a", member).param("comment", "実施体制がよく考えられている。")
                        .param("now", Timestamp.from(now)).update();
                for (int c = 0; c < criteria.size(); c++) {
                    int points = Math.max(0, Math.min(10, base[p][m] + (c % 3 == 0 ? 1 : 0) - (c == 4 ? 1 : 0)));
                    jdbc.sql("""
                                    insert into collab_score (screening_id, proposal_id, account_id, criterion_id, points)
                                    values (:s, :p, :a, :c, :points)""")
                            .param("s", id).param("p", proposalId).param("a", member).param("c", criteria.get(c)).param("points", points).update();
                }
            }
        }
        return id;
    }
}
