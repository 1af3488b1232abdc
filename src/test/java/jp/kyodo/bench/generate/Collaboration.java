package jp.kyodo.bench.generate;

import static jp.kyodo.bench.generate.World.at;
import static jp.kyodo.bench.generate.World.between;
import static jp.kyodo.bench.generate.World.pick;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.kyodo.bench.generate.Vocabulary.Topic;
import jp.kyodo.shared.FiscalYear;

/**
 * Collaboration projects over several fiscal years: each year's call for resident proposals and the departments'
 * themes, the groups' proposals (role division, budget, targets, prior consultation), the screening round with the
 * committee members' scores, and the adopted proposals' projects with their agreement, reports and evaluations
 * against the principles; next year's calls are open now, with proposals being written and consulted on.
 */
final class Collaboration {

    private static final List<String> FORMS = List.of("SUBSIDY", "COHOSTING", "ENDORSEMENT", "PLANNING", "COMMISSION", "COOPERATION");
    private static final List<List<String>> RUBRICS = List.of(
            List.of("主体性・積極性", "公共性・公益性", "実現性・計画性", "独創性・発展性", "啓発性・PR性", "協働性・継続性"),
            List.of("公益性", "実現性", "費用対効果", "協働性", "独創性"),
            List.of("必要性", "公益性", "協働の効果", "役割分担", "実現性", "計画性", "予算の妥当性", "独創性", "発展性", "継続性"));
    private static final List<String> AXES = List.of("SHARED_PURPOSE", "EQUALITY", "MUTUAL_UNDERSTANDING", "AUTONOMY",
            "ROLES_AND_RESPONSIBILITY", "OPENNESS", "EVALUATION", "TARGETS");
    private static final String[][] ROLES = {
            {"企画・運営", "事業の企画と当日の運営", "会場の確保と関係機関との調整"},
            {"広報", "SNSとチラシでの発信", "広報紙と市のウェブサイトへの掲載"},
            {"参加者の募集", "会員のつながりを生かした呼びかけ", "学校や自治会への周知"},
            {"ふりかえり", "参加者アンケートの実施と集計", "アンケート結果の共有と次年度への助言"}};
    private static final String[][] BUDGET = {
            {"INCOME", "参加費", "GROUP"}, {"EXPENSE", "講師謝礼", "CITY"}, {"EXPENSE", "消耗品費", "CITY"},
            {"EXPENSE", "会場使用料", "GROUP"}, {"EXPENSE", "印刷製本費", "CITY"}, {"EXPENSE", "保険料", "GROUP"}};

    private final World world;
    private final SplittableRandom random;
    private final Map<String, Long> counts;

    private long callId;
    private long proposalId;
    private long projectId;
    private long screeningId;
    private long criterionId;
    private long consultationId;
    private long reportId;
    private long evaluationId;
    private long agreementId;

    private Copy calls, callForms, callFields, proposals, roles, budgets, targets, consultations, messages, screenings, criteria,
            members, screened, sheets, scores, projectRows, agreements, reports, outcomes, actuals, evaluations, evaluationScores;

    Collaboration(World world) {
        this.world = world;
        this.random = world.random("collaboration");
        this.counts = world.counts;
    }

    void load(Connection c) throws SQLException {
        // Parents before children, one table's COPY at a time.
        calls = new Copy(c, "collab_call", "id, origin, fiscal_year, title, department_id, background, expected_outcome, rules, budget_cap, "
                + "area_code, application_opens, application_closes, consultation_deadline, first_screening_on, second_screening_on, "
                + "result_on, status, created_by, created_at, updated_at, version", counts);
        List<Call> all = new ArrayList<>();
        int target = world.scaled(20_000, 5);
        int years = 5;
        FiscalYear first = new FiscalYear(world.thisYear.startYear() - years + 1);
        // Calls first (their rows must exist before the proposals' COPY checks its foreign key).
        for (int y = 0; y <= years; y++) {
            FiscalYear year = new FiscalYear(first.startYear() + y);
            boolean open = y == years;
            int adoptedTarget = open ? 0 : target / years + (y < target % years ? 1 : 0);
            all.addAll(calls(year, open, adoptedTarget));
        }
        calls.close();
        // A connection carries one COPY at a time: each table is streamed whole before the next.
        callForms = new Copy(c, "collab_call_form", "call_id, form", counts);
        for (Call call : all) {
            for (String form : call.forms) {
                callForms.row(call.id, form);
            }
        }
        callForms.close();
        callFields = new Copy(c, "collab_call_field", "call_id, field_code", counts);
        for (Call call : all) {
            if (call.topic != null) {
                callFields.row(call.id, call.topic.field());
            }
        }
        callFields.close();
        proposals = new Copy(c, "collab_proposal", "id, call_id, group_id, status, draft_step, title, purpose, content, target, capacity, "
                + "period_from, period_to, place, form, pioneering, prospects, requested_amount, decision_reason, conditions, submitted_at, "
                + "decided_at, created_by, created_at, updated_at, version", counts);
        List<Proposal> made = new ArrayList<>();
        for (Call call : all) {
            made.addAll(proposals(call));
        }
        proposals.close();
        roles = new Copy(c, "collab_proposal_role", "proposal_id, seq, task, group_part, city_part", counts);
        for (Proposal p : made) {
            roles(p);
        }
        roles.close();
        budgets = new Copy(c, "collab_proposal_budget", "proposal_id, seq, kind, item, amount, bearer, note", counts);
        for (Proposal p : made) {
            budget(p);
        }
        budgets.close();
        targets = new Copy(c, "collab_proposal_target", "proposal_id, seq, kind, description, target_value", counts);
        for (Proposal p : made) {
            targets(p);
        }
        targets.close();
        consultations = new Copy(c, "collab_consultation", "id, proposal_id, department_id, opened_by, opened_at, city_replied_at", counts);
        for (Proposal p : made) {
            consultation(p);
        }
        consultations.close();
        messages = new Copy(c, "collab_consultation_message", "consultation_id, side, author_id, author_name, body, created_at", counts);
        for (Proposal p : made) {
            consultationMessages(p);
        }
        messages.close();
        screenings(c, all, made);
        projects(c, made);
    }

    // ---- Calls ----

    private static final class Call {
        long id;
        FiscalYear year;
        String origin;
        Topic topic;
        long department;
        LocalDate opens;
        LocalDate closes;
        boolean open;
        List<String> forms;
        int proposals;
        int adopted;
        long budgetCap;
    }

    private final Map<String, Integer> titles = new HashMap<>();

    private List<Call> calls(FiscalYear year, boolean open, int adoptedTarget) throws SQLException {
        List<Call> out = new ArrayList<>();
        int adopted = 0;
        int themes = 0;
        do {
            Call call = new Call();
            call.id = ++callId;
            call.year = year;
            call.open = open;
            boolean yearly = out.isEmpty();
            call.origin = yearly ? "GROUP" : "CITY";
            call.topic = yearly ? null : pick(random, Vocabulary.TOPICS);
            call.department = yearly ? 3 : Vocabulary.departmentOf(call.topic.field()) + 1;
            call.opens = open ? world.today.minusDays(between(random, 5, 40)) : year.start().minusMonths(7).plusDays(random.nextInt(20));
            call.closes = open ? world.today.plusDays(between(random, 20, 60)) : call.opens.plusDays(45);
            call.forms = new ArrayList<>();
            for (String f : FORMS) {
                if (random.nextInt(3) > 0 || f.equals("SUBSIDY")) {
                    call.forms.add(f);
                }
            }
            call.budgetCap = 100_000L * between(random, 2, 10);
            call.proposals = open ? between(random, 3, 8) : between(random, 5, 10);
            if (!open) {
                int want = Math.min(adoptedTarget - adopted, Math.max(1, (int) Math.round(call.proposals * (0.5 + random.nextDouble() * 0.2))));
                call.adopted = want;
                call.proposals = Math.max(call.proposals, want);
                adopted += want;
            }
            String title;
            if (yearly) {
                title = year.japaneseLabel() + " 市民提案型協働事業";
            } else {
                themes++;
                String area = pick(random, world.areas)[1];
                String base = year.japaneseLabel() + " " + call.topic.theme() + "(" + area + ")";
                int n = titles.merge(base, 1, Integer::sum);
                title = n == 1 ? base : base + " 第" + n + "期";
            }
            LocalDate opens = call.opens;
            LocalDate result = opens.plusDays(90);
            Instant created = at(opens.minusDays(20), 9, 0);
            int staff = world.staffByDepartment[(int) call.department - 1][0];
            calls.row(call.id, call.origin, year.startYear(), title, call.department,
                    yearly ? "市民の皆さんの自由な発想を生かし、地域の課題を市と協働で解決する事業を募集します。"
                            : call.topic.theme() + "について、市だけでは届かない地域の力を生かすため、協働の相手を募集します。",
                    yearly ? null : call.topic.theme() + "が進み、地域の担い手が増えることを期待します。",
                    "市内で活動する登録団体が応募できます。事前相談を受けてから提案してください。", call.budgetCap,
                    yearly ? null : pick(random, world.areas)[0], opens, call.closes, opens.plusDays(30).isAfter(call.closes) ? call.closes : opens.plusDays(30),
                    opens.plusDays(60), opens.plusDays(75), result, open ? "PUBLISHED" : "CLOSED", staff, created,
                    open ? created : at(result, 10, 0), open ? 1 : 2);
            out.add(call);
        } while (!open && adopted < adoptedTarget || open && themes < Math.max(1, world.scaled(40, 2)));
        return out;
    }

    // ---- Proposals ----

    private static final class Proposal {
        long id;
        Call call;
        int group;
        String status;
        String title;
        String form;
        Topic topic;
        long amount;
        long[] budget;
        Instant submitted;
        Instant decided;
        Instant created;
    }

    private List<Proposal> proposals(Call call) throws SQLException {
        List<Proposal> out = new ArrayList<>();
        int adopted = 0;
        for (int i = 0; i < call.proposals; i++) {
            Proposal p = new Proposal();
            p.id = ++proposalId;
            p.call = call;
            p.group = world.listed[random.nextInt(world.listed.length)];
            p.topic = call.topic != null ? call.topic : pick(random, Vocabulary.TOPICS);
            p.form = pick(random, call.forms);
            p.created = at(call.opens.plusDays(random.nextInt(20)), between(random, 9, 21), random.nextInt(60));
            if (call.open) {
                int s = random.nextInt(10);
                p.status = s < 3 ? "DRAFT" : s < 7 ? "CONSULTING" : "SUBMITTED";
                if (p.created.isAfter(world.now)) {
                    p.created = world.now.minusSeconds(3600L * between(random, 2, 200));
                }
            } else if (adopted < call.adopted) {
                p.status = random.nextInt(7) == 0 ? "CONDITIONALLY_ADOPTED" : "ADOPTED";
                adopted++;
            } else {
                p.status = random.nextInt(5) == 0 ? "WITHDRAWN" : "NOT_ADOPTED";
            }
            p.submitted = p.status.equals("DRAFT") || p.status.equals("CONSULTING") ? null
                    : call.open ? world.now.minusSeconds(3600L * between(random, 1, 100))
                    : at(call.closes.minusDays(random.nextInt(10)), between(random, 9, 17), random.nextInt(60));
            p.decided = call.open || p.status.equals("WITHDRAWN") ? null : at(call.opens.plusDays(90), 10, 0);
            String place = pick(random, Vocabulary.PLACES).text();
            String project = pick(random, p.topic.projects());
            p.title = switch (random.nextInt(4)) {
                case 0 -> place + "の" + project;
                case 1 -> project + "事業";
                case 2 -> place + "で進める" + project;
                default -> pick(random, Vocabulary.NICKNAMES).text() + "の" + project;
            };
            p.amount = 1000L * between(random, 50, (int) Math.min(call.budgetCap / 1000, 500));
            long fees = 1000L * between(random, 5, 40);
            long cityInstructor = p.amount * 5 / 10;
            long citySupplies = p.amount * 3 / 10;
            long cityPrint = p.amount - cityInstructor - citySupplies;
            p.budget = new long[] {fees, cityInstructor, citySupplies, 1000L * between(random, 5, 30), cityPrint, 1000L * between(random, 2, 10)};
            boolean decided = p.decided != null;
            proposals.row(p.id, call.id, p.group, p.status, p.status.equals("DRAFT") ? between(random, 1, 4) : 5, p.title,
                    pick(random, p.topic.purposes()) + "。" + place + "で" + project + "に市と協働で取り組みます。",
                    pick(random, p.topic.activities()) + "、" + pick(random, p.topic.activities()) + "を中心に、年間を通じて活動します。",
                    pick(random, List.of("市内在住・在勤の方", "子育て中の親子", "地域の高齢者", "小中学生とその保護者", "外国につながる住民", "地域の住民")),
                    "各回" + between(random, 10, 50) + "人", call.year.start(), call.year.end(), pick(random, Vocabulary.PLACES).text() + "公民館ほか",
                    p.form, "団体の地域のつながりと、市の広報力を組み合わせる点に新しさがあります。",
                    "事業の終了後も、団体の自主事業として続けることをめざします。", p.amount,
                    !decided ? null : p.status.equals("NOT_ADOPTED") ? "他の提案と比べて、実施体制の具体性が不足していました。"
                            : "地域の課題に合い、実施体制も整っていると評価されました。",
                    p.status.equals("CONDITIONALLY_ADOPTED") ? "参加者の安全管理の計画を、協定までに担当課と確認すること。" : null,
                    p.submitted, p.decided, world.groupRep[p.group], p.created,
                    p.decided != null ? p.decided : p.submitted != null ? p.submitted : p.created, decided ? 3 : 1);
            out.add(p);
        }
        return out;
    }

    private void roles(Proposal p) throws SQLException {
        int roleCount = between(random, 2, 4);
        for (int i = 0; i < roleCount; i++) {
            roles.row(p.id, i, ROLES[i][0], ROLES[i][1], ROLES[i][2]);
        }
    }

    private void budget(Proposal p) throws SQLException {
        for (int i = 0; i < BUDGET.length; i++) {
            budgets.row(p.id, i, BUDGET[i][0], BUDGET[i][1], p.budget[i], BUDGET[i][2], i == 1 ? "講師1人あたり1回5,000円" : null);
        }
    }

    private void targets(Proposal p) throws SQLException {
        targets.row(p.id, 0, "OUTCOME", "参加者の満足度", between(random, 7, 9) + "0%以上");
        targets.row(p.id, 1, "ACTIVITY", pick(random, List.of("講座の開催回数", "活動日数", "延べ参加者数")),
                pick(random, List.of("年12回", "年24日", "延べ300人", "年6回")));
    }

    private final Map<Long, Long> consultationOf = new HashMap<>();

    private void consultation(Proposal p) throws SQLException {
        if (p.status.equals("DRAFT")) {
            return;
        }
        long id = ++consultationId;
        consultationOf.put(p.id, id);
        Instant opened = p.created.plusSeconds(86_400L * between(random, 1, 5));
        boolean replied = !p.status.equals("CONSULTING") || random.nextBoolean();
        if (opened.isAfter(world.now)) {
            opened = world.now.minusSeconds(7200);
        }
        consultations.row(id, p.id, p.call.department, world.groupRep[p.group], opened, replied ? opened.plusSeconds(86_400L * 2) : null);
    }

    private void consultationMessages(Proposal p) throws SQLException {
        Long id = consultationOf.get(p.id);
        if (id == null) {
            return;
        }
        Instant opened = p.created.plusSeconds(86_400L * between(random, 1, 5));
        if (opened.isAfter(world.now)) {
            opened = world.now.minusSeconds(7200);
        }
        int rep = world.groupRep[p.group];
        messages.row(id, "GROUP", rep, world.accountName[rep], "「" + p.title + "」を提案したいと考えています。会場と広報について市と役割を分担できるでしょうか。",
                opened);
        if (!p.status.equals("CONSULTING") || random.nextBoolean()) {
            int staff = world.staffByDepartment[(int) p.call.department - 1][0];
            messages.row(id, "CITY", staff, world.accountName[staff], "ご相談ありがとうございます。会場の確保と広報紙への掲載は市が担えます。予算の内訳をもう少し詳しくお示しください。",
                    opened.plusSeconds(86_400L * 2));
        }
    }

    // ---- Screening ----

    private void screenings(Connection c, List<Call> all, List<Proposal> made) throws SQLException {
        Map<Long, List<Proposal>> byCall = new HashMap<>();
        for (Proposal p : made) {
            byCall.computeIfAbsent(p.call.id, k -> new ArrayList<>()).add(p);
        }
        screenings = new Copy(c, "collab_screening", "id, call_id, stage, aggregation, threshold_percent, status, created_by, created_at, "
                + "updated_at, version", counts);
        record Round(long id, Call call, List<String> rubric, long firstCriterion, int[] members) {
        }
        List<Round> rounds = new ArrayList<>();
        for (Call call : all) {
            if (call.open) {
                continue;
            }
            long id = ++screeningId;
            List<String> rubric = pick(random, RUBRICS);
            int[] members = new int[between(random, 3, 5)];
            int offset = random.nextInt(world.committee.length);
            for (int m = 0; m < members.length; m++) {
                members[m] = world.committee[(offset + m) % world.committee.length];
            }
            rounds.add(new Round(id, call, rubric, criterionId + 1, members));
            criterionId += rubric.size();
            screenings.row(id, call.id, "DOCUMENTS", members.length >= 3 && random.nextBoolean() ? "TRIMMED_MEAN" : "MEAN", 60, "CLOSED",
                    1, at(call.opens.plusDays(50), 10, 0), at(call.opens.plusDays(62), 17, 0), 3);
        }
        screenings.close();
        criteria = new Copy(c, "collab_screening_criterion", "id, screening_id, seq, name, max_points, weight", counts);
        for (Round r : rounds) {
            int max = r.rubric.size() > 6 ? 5 : 10;
            for (int i = 0; i < r.rubric.size(); i++) {
                criteria.row(r.firstCriterion + i, r.id, i + 1, r.rubric.get(i), max, BigDecimal.ONE.setScale(2));
            }
        }
        criteria.close();
        members = new Copy(c, "collab_screening_member", "screening_id, account_id", counts);
        for (Round r : rounds) {
            for (int m : r.members) {
                members.row(r.id, m);
            }
        }
        members.close();
        screened = new Copy(c, "collab_screening_proposal", "screening_id, proposal_id", counts);
        for (Round r : rounds) {
            for (Proposal p : byCall.get(r.call.id)) {
                if (!p.status.equals("WITHDRAWN")) {
                    screened.row(r.id, p.id);
                }
            }
        }
        screened.close();
        sheets = new Copy(c, "collab_score_sheet", "screening_id, proposal_id, account_id, status, comment, updated_at, submitted_at, version",
                counts);
        for (Round r : rounds) {
            Instant at = at(r.call.opens.plusDays(58), 20, 0);
            for (Proposal p : byCall.get(r.call.id)) {
                if (!p.status.equals("WITHDRAWN")) {
                    for (int m : r.members) {
                        sheets.row(r.id, p.id, m, "SUBMITTED", random.nextInt(3) == 0 ? "地域への広がりが期待できる。" : null, at, at, 2);
                    }
                }
            }
        }
        sheets.close();
        scores = new Copy(c, "collab_score", "screening_id, proposal_id, account_id, criterion_id, points, comment", counts);
        for (Round r : rounds) {
            int max = r.rubric.size() > 6 ? 5 : 10;
            for (Proposal p : byCall.get(r.call.id)) {
                if (p.status.equals("WITHDRAWN")) {
                    continue;
                }
                boolean good = p.status.contains("ADOPTED") && !p.status.equals("NOT_ADOPTED");
                for (int m : r.members) {
                    for (int i = 0; i < r.rubric.size(); i++) {
                        int points = good ? between(random, max * 6 / 10, max) : between(random, max * 3 / 10, max * 8 / 10);
                        scores.row(r.id, p.id, m, r.firstCriterion + i, points, null);
                    }
                }
            }
        }
        scores.close();
    }

    // ---- Projects ----

    private void projects(Connection c, List<Proposal> made) throws SQLException {
        record Project(long id, Proposal proposal, String status, Instant started, Instant published) {
        }
        List<Project> list = new ArrayList<>();
        projectRows = new Copy(c, "collab_project", "id, proposal_id, status, started_at, published_at, created_at, updated_at, version", counts);
        for (Proposal p : made) {
            if (!p.status.equals("ADOPTED") && !p.status.equals("CONDITIONALLY_ADOPTED")) {
                continue;
            }
            FiscalYear year = p.call.year;
            int age = world.thisYear.startYear() - year.startYear();
            String status = age == 0 ? (random.nextInt(10) == 0 ? "AGREEMENT" : "RUNNING")
                    : age == 1 ? (random.nextInt(10) < 4 ? "COMPLETED" : "PUBLISHED")
                    : (random.nextInt(100) < 15 ? "COMPLETED" : "PUBLISHED");
            Instant started = status.equals("AGREEMENT") ? null : at(year.start(), 9, 0);
            Instant published = status.equals("PUBLISHED") ? at(year.end().plusDays(between(random, 60, 120)), 10, 0) : null;
            if (published != null && published.isAfter(world.now)) {
                published = world.now.minusSeconds(86_400L * between(random, 1, 30));
            }
            Instant updated = published != null ? published : started != null ? started : p.decided;
            list.add(new Project(++projectId, p, status, started, published));
            projectRows.row(projectId, p.id, status, started, published, p.decided, updated, 3);
        }
        projectRows.close();
        agreements = new Copy(c, "collab_agreement", "id, project_id, number, status, purpose, period_from, period_to, roles, cost_sharing, "
                + "information_sharing, personal_data, outputs, change_termination, change_reason, city_confirmed_by, city_confirmed_name, "
                + "city_confirmed_at, group_confirmed_by, group_confirmed_name, group_confirmed_at, created_by, created_at, updated_at, version",
                counts);
        for (Project pr : list) {
            Proposal p = pr.proposal;
            boolean signed = !pr.status.equals("AGREEMENT");
            int staff = world.staffByDepartment[(int) p.call.department - 1][0];
            int rep = world.groupRep[p.group];
            Instant drafted = p.decided.plusSeconds(86_400L * 10);
            agreements.row(++agreementId, pr.id, 1, signed ? "SIGNED" : "DRAFT", p.title + "を協働で実施する。", p.call.year.start(), p.call.year.end(),
                    "団体は企画と運営を、市は会場の確保と広報を担う。", "市は協定に定める額を負担し、その他の経費は団体が負担する。",
                    "毎月の定例会で進み具合を共有する。", "参加者の個人情報は事業の目的にのみ使い、終了後に消去する。",
                    "成果物の著作権は団体と市が共有する。", "協定の変更は双方の合意による。", null,
                    signed || random.nextBoolean() ? staff : null, signed ? world.accountName[staff] : null, signed ? drafted.plusSeconds(86_400L * 5) : null,
                    signed ? rep : null, signed ? world.accountName[rep] : null, signed ? drafted.plusSeconds(86_400L * 7) : null,
                    staff, drafted, signed ? drafted.plusSeconds(86_400L * 7) : drafted, signed ? 3 : 1);
        }
        agreements.close();
        reports = new Copy(c, "collab_report", "id, project_id, kind, status, due_on, activities, participants, return_message, reminded_on, "
                + "submitted_at, decided_by, decided_at, updated_at, version", counts);
        record Report(long id, Project project, boolean completion, String status) {
        }
        List<Report> filed = new ArrayList<>();
        for (Project pr : list) {
            if (pr.status.equals("AGREEMENT")) {
                continue;
            }
            FiscalYear year = pr.proposal.call.year;
            LocalDate interimDue = year.start().plusDays(182);
            LocalDate completionDue = year.end().plusDays(30);
            int staff = world.staffByDepartment[(int) pr.proposal.call.department - 1][0];
            boolean running = pr.status.equals("RUNNING");
            String interim = !running ? "ACCEPTED" : switch (random.nextInt(20)) {
                case 0, 1 -> "DRAFT";
                case 2 -> "RETURNED";
                case 3, 4, 5, 6, 7 -> "SUBMITTED";
                default -> "ACCEPTED";
            };
            report(pr.id, "INTERIM", interim, interimDue, staff);
            filed.add(new Report(reportId, pr, false, interim));
            String completion = running ? "DRAFT" : "ACCEPTED";
            report(pr.id, "COMPLETION", completion, completionDue, staff);
            filed.add(new Report(reportId, pr, true, completion));
        }
        reports.close();
        outcomes = new Copy(c, "collab_report_outcome", "report_id, target_seq, achieved", counts);
        for (Report r : filed) {
            if (!r.status.equals("DRAFT")) {
                outcomes.row(r.id, 0, between(random, 70, 98) + "%");
                outcomes.row(r.id, 1, pick(random, List.of("年12回", "年10回", "延べ320人", "年24日", "年6回")));
            }
        }
        outcomes.close();
        actuals = new Copy(c, "collab_report_actual", "report_id, budget_seq, amount", counts);
        for (Report r : filed) {
            if (!r.status.equals("DRAFT") && r.completion) {
                long[] planned = r.project.proposal.budget;
                for (int i = 0; i < planned.length; i++) {
                    actuals.row(r.id, i, Math.round(planned[i] * (0.8 + random.nextDouble() * 0.3) / 100.0) * 100);
                }
            }
        }
        actuals.close();
        evaluations = new Copy(c, "collab_evaluation", "id, project_id, side, account_id, author_name, status, comment, submitted_at, "
                + "updated_at, version", counts);
        List<long[]> sheetsMade = new ArrayList<>();
        for (Project pr : list) {
            boolean published = pr.status.equals("PUBLISHED");
            if (!published && !pr.status.equals("COMPLETED")) {
                continue;
            }
            Proposal p = pr.proposal;
            int level = between(random, 3, 5);
            Instant at = at(p.call.year.end().plusDays(45), 15, 0);
            int staff = world.staffByDepartment[(int) p.call.department - 1][0];
            // A completed project is being evaluated: the group's sheet first, then the department's, then the members'.
            int sides = published ? 5 : random.nextInt(3);
            if (sides >= 1) {
                evaluation(pr.id, "GROUP", 0, world.accountName[world.groupRep[p.group]], published || random.nextBoolean(), at,
                        "市の担当課が会場との調整を担ってくれ、企画に集中できました。", level, sheetsMade);
            }
            if (sides >= 2) {
                evaluation(pr.id, "CITY", 0, world.accountName[staff], true, at.plusSeconds(86_400L * 3),
                        "団体の企画力と地域のつながりが大きな力になりました。", level, sheetsMade);
            }
            for (int m = 0; published && m < 3; m++) {
                int member = world.committee[(int) ((pr.id + m) % world.committee.length)];
                evaluation(pr.id, "COMMITTEE", member, world.accountName[member], true, at.plusSeconds(86_400L * 10),
                        "役割分担が明確で、情報発信も工夫されていた。", level, sheetsMade);
            }
        }
        evaluations.close();
        evaluationScores = new Copy(c, "collab_evaluation_score", "evaluation_id, axis, score, comment", counts);
        for (long[] s : sheetsMade) {
            for (String axis : AXES) {
                evaluationScores.row(s[0], axis, (int) Math.max(1, Math.min(5, s[1] + random.nextInt(3) - 1)), null);
            }
        }
        evaluationScores.close();
    }

    private void report(long project, String kind, String status, LocalDate due, int staff) throws SQLException {
        boolean filed = !status.equals("DRAFT");
        Instant submitted = filed ? at(due.minusDays(between(random, 0, 10)), 17, 0) : null;
        if (submitted != null && submitted.isAfter(world.now)) {
            submitted = world.now.minusSeconds(86_400L * between(random, 1, 20));
        }
        boolean decided = status.equals("ACCEPTED") || status.equals("RETURNED");
        Instant decidedAt = decided ? submitted.plusSeconds(86_400L * 5) : null;
        if (decidedAt != null && decidedAt.isAfter(world.now)) {
            decidedAt = world.now.minusSeconds(3600);
        }
        // Reports due within two weeks (or overdue) were reminded already, as the daily job does.
        LocalDate reminded = !filed || status.equals("RETURNED") ? (due.isAfter(world.today.plusDays(14)) ? null : due.minusDays(14)) : null;
        if (reminded != null && reminded.isAfter(world.today)) {
            reminded = world.today;
        }
        reports.row(++reportId, project, kind, status, due,
                filed ? (kind.equals("INTERIM") ? "計画どおり前半の活動を進め、参加者アンケートでも好評でした。" : "計画した活動をすべて行い、目標をおおむね達成しました。") : null,
                filed ? between(random, 30, 600) : null, status.equals("RETURNED") ? "参加者数の内訳を追記してください。" : null, reminded,
                submitted, decided ? staff : null, decidedAt, decidedAt != null ? decidedAt : submitted != null ? submitted : world.now.minusSeconds(86_400L * 30),
                filed ? 2 : 0);
    }

    private void evaluation(long project, String side, long account, String name, boolean submitted, Instant at, String comment, int level,
                            List<long[]> made) throws SQLException {
        long id = ++evaluationId;
        evaluations.row(id, project, side, account, name, submitted ? "SUBMITTED" : "DRAFT", comment, submitted ? at : null, at, 1);
        made.add(new long[] {id, level});
    }
}
