package jp.kyodo.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.collaboration.FinishedProjects;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CollaborationForm;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Eight published case studies over fiscal years 2024–2026, across the six forms of collaboration and many fields,
 * inspired by the kinds of projects the city's guideline lists (details invented). The demo's published collaboration
 * projects become case studies through the same drafting as staff use; the rest are written directly.
 */
@Component
@Order(81)
class CaseStudyDemo extends jp.kyodo.shared.DemoContent {

    static final int COUNT = 8;

    private final CaseStudies cases;
    private final FinishedProjects projects;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseStudyDemo(CaseStudies cases, FinishedProjects projects, Accounts accounts, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                  Environment environment) {
        super(tx, jdbc, environment);
        this.cases = cases;
        this.projects = projects;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected List<String> demoTables() {
        return List.of("pub_case_study");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        if (staff.isEmpty()) {
            return;
        }
        List<Long> published = projects.all().stream().filter(FinishedProjects.FinishedProject::published).map(FinishedProjects.FinishedProject::id)
                .limit(2).toList();
        load(actor(staff.get()), published);
    }

    /** Drafts a case study from each given project and writes the rest directly, all published; returns their ids. */
    List<Long> load(Actor staff, List<Long> projectIds) {
        List<Long> ids = new ArrayList<>();
        for (long projectId : projectIds) {
            long id = cases.draftFromProject(staff, projectId);
            jdbc.sql("update pub_case_study set lessons = :l where id = :id and lessons is null")
                    .param("l", "事業の計画段階から担当課と団体が話し合いを重ねたことで、役割分担がはっきりしました。次年度は参加者アンケートを早めに設計します。")
                    .param("id", id).update();
            ids.add(id);
        }
        List<MultiValueMap<String, String>> written = written();
        for (int i = 0; ids.size() < COUNT && i < written.size(); i++) {
            ids.add(cases.create(staff, written.get(i)));
        }
        for (long id : ids) {
            CaseStudies.CaseStudy c = cases.find(id);
            cases.publish(id, staff, String.valueOf(c.version()));
            // Spread the publication over the case's own year, so that lists read as a history.
            LocalDate day = c.periodTo() != null ? c.periodTo().plusMonths(2) : LocalDate.of(c.fiscalYear() + 1, 5, 20);
            Instant at = day.atStartOfDay(clock.getZone()).toInstant();
            if (at.isBefore(clock.instant())) {
                jdbc.sql("update pub_case_study set published_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
            }
        }
        return ids;
    }

    private static List<MultiValueMap<String, String>> written() {
        return List.of(
                form("地域で育てる消防団応援プロジェクト", "消防施設の整備に合わせて、自治会が消防団の活動を知ってもらう見学会と防災講座を開きました。",
                        CollaborationForm.SUBSIDY, 2024, List.of("bosai"), "本庄東部自治会連合会", "危機管理課", "2024-05-01", "2025-02-28", "380000",
                        "消防団の詰所と器具の見学会を年3回、家庭の備えを学ぶ防災講座を年4回開きました。講座の資料は自治会の回覧で全戸に届けました。",
                        "・見学会と講座の参加者 延べ214人(目標150人)\n・消防団への入団の問い合わせ 6件、入団 2人",
                        "目的共有 4.3 / 対等 4.0 / 相互理解 4.5 / 役割分担と責任の明確化 4.0(5段階)",
                        "講座は平日夜より土曜の午前のほうが若い世代の参加が多く、日程の選び方が成果を左右しました。"),
                form("アートセッション in 本庄", "市民の芸術団体と市が共催し、駅前の空き店舗をギャラリーにした2日間の芸術祭を開きました。",
                        CollaborationForm.COHOSTING, 2024, List.of("geijutsu", "matsuri"), "本庄アート倶楽部、本庄駅前商店会", "文化振興課",
                        "2024-10-12", "2024-10-13", "650000",
                        "空き店舗6か所を会場に、市内の作家32人の作品展示とワークショップを行いました。市は会場の調整と広報を、団体は企画と運営を担いました。",
                        "・来場者 2,860人(前年の単独開催の約2倍)\n・会場になった空き店舗のうち1か所に、翌年テナントが入りました",
                        "目的共有 4.6 / 対等 4.4 / 相互理解 4.2 / 情報の公開 4.5(5段階)",
                        "共催にしたことで会場の確保が進んだ一方、決裁に時間がかかる場面がありました。スケジュールに余裕を持たせます。"),
                form("本庄まちなか街バル", "商店会が主催する食べ歩きイベントを市が後援し、市の広報紙とウェブで周知しました。",
                        CollaborationForm.ENDORSEMENT, 2025, List.of("matsuri"), "本庄まちなか街バル実行委員会", "商工観光課", "2025-06-07", "2025-06-07", "0",
                        "市内38店舗が参加し、共通チケットで食べ歩きができる一日を開きました。市は後援名義の使用を認め、広報紙に案内を載せました。",
                        "・チケット販売 1,450冊\n・参加店舗へのアンケートで、9割が次回も参加したいと回答",
                        "自主性・自立性の尊重 4.8 / 情報の公開 4.2(5段階)",
                        "後援は費用をかけずに事業の信用を高められます。市の名義を使う条件を最初に文書で確認したことが、トラブルの防止になりました。"),
                form("本庄駅北口周辺整備に向けたワークショップ", "駅北口の広場と道路の整備計画づくりに、公募の市民と地域の団体が企画段階から参加しました。",
                        CollaborationForm.PLANNING, 2025, List.of("keikaku"), "北口まちづくり協議会、本庄市商店会連合会", "都市計画課",
                        "2025-07-01", "2026-01-31", "420000",
                        "全5回のワークショップで、広場の使い方、歩行者の安全、にぎわいづくりについて話し合いました。高校生の参加枠を設けました。",
                        "・延べ参加者 156人(うち高校生 23人)\n・提案のうち12項目が整備計画の素案に反映されました",
                        "目的共有 4.2 / 相互理解 4.4 / 評価の実施 3.9(5段階)",
                        "毎回の記録を翌週に公開したことで、欠席した人も議論に加われました。反映されなかった意見への説明を丁寧にすることが課題です。"),
                form("放課後児童クラブの運営", "放課後に保護者が家にいない小学生の居場所づくりを、子育て支援の団体に委託しました。",
                        CollaborationForm.COMMISSION, 2025, List.of("kosodate"), "NPO法人ほんじょう放課後ネット", "子育て支援課", "2025-04-01", "2026-03-31",
                        "12800000",
                        "市内3か所の児童クラブを、平日は放課後から19時まで、長期休みは8時から開きました。地域の方による昔遊びや宿題の時間を設けました。",
                        "・登録児童 182人、待機児童 0人\n・保護者アンケートの満足度 92%",
                        "目的共有 4.5 / 対等 4.1 / 役割分担と責任の明確化 4.6 / 目標の設定 4.3(5段階)",
                        "委託でも市が任せきりにせず、毎月の連絡会で課題を共有したことが質の維持につながりました。"),
                form("自治会と民生委員による見守り活動", "ひとり暮らしの高齢者の見守りについて、自治会・民生委員と市が協定を結び、役割を分担しました。",
                        CollaborationForm.COOPERATION, 2026, List.of("koreisha", "bohan"), "本庄西部自治会、本庄市民生委員・児童委員協議会", "福祉課",
                        "2026-04-01", "2027-03-31", "150000",
                        "見守りの対象となる世帯を本人の同意を得て共有し、月1回の声かけ訪問と、異変に気づいたときの連絡の流れを決めました。",
                        "・見守り対象 64世帯\n・半年で4件の体調の異変を早く見つけ、支援につなげました",
                        "目的共有 4.4 / 相互理解 4.6 / 情報の公開 3.8(5段階)",
                        "個人情報の扱いを協定書に明記したことで、自治会の不安が減りました。"),
                form("集団資源回収で進めるごみ減量", "子ども会と自治会が行う資源回収に補助金を交付し、回収量の増加とごみの減量を目指しました。",
                        CollaborationForm.SUBSIDY, 2026, List.of("kankyo", "seiso"), "本庄市子ども会育成連絡協議会", "環境推進課", "2026-04-01", "2026-09-30",
                        "900000",
                        "市内41団体が月1回の資源回収を行い、市は回収量に応じた補助金と回収日のお知らせを担いました。",
                        "・半年の回収量 312トン(前年同期比 8%増)",
                        "自主性・自立性の尊重 4.5 / 目標の設定 4.0(5段階)",
                        "回収日のお知らせをアプリでも流したところ、若い世帯の参加が増えました。"),
                form("図書館のおはなし会とブックスタート", "乳幼児健診の場で絵本を手渡すブックスタートと、図書館のおはなし会を読み聞かせの団体と協力して行いました。",
                        CollaborationForm.COOPERATION, 2024, List.of("kosodate", "bunka"), "はにぽん絵本の会", "図書館",
                        "2024-04-01", "2025-03-31", "240000",
                        "健診の会場で絵本の読み聞かせと手渡しを行い、毎月のおはなし会を図書館で開きました。",
                        "・絵本の手渡し 412組\n・おはなし会 延べ参加 1,030人",
                        "目的共有 4.7 / 対等 4.5 / 相互理解 4.6(5段階)",
                        "ボランティアの研修を図書館の司書が担ったことで、読み聞かせの質がそろいました。"));
    }

    private static MultiValueMap<String, String> form(String title, String summary, CollaborationForm form, int year, List<String> fields,
                                                      String partners, String department, String from, String to, String budget,
                                                      String activities, String outcomes, String evaluation, String lessons) {
        MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        m.add("title", title);
        m.add("summary", summary);
        m.add("form", form.name());
        m.add("fiscalYear", String.valueOf(year));
        fields.forEach(f -> m.add("fields", f));
        m.add("partnerGroups", partners);
        m.add("departmentName", department);
        m.add("periodFrom", from);
        m.add("periodTo", to);
        m.add("budget", budget);
        m.add("activities", activities);
        m.add("outcomes", outcomes);
        m.add("evaluation", evaluation);
        m.add("lessons", lessons);
        return m;
    }

    private static Actor actor(AccountSummary account) {
        return new Actor() {
            @Override
            public Long accountId() {
                return account.id();
            }

            @Override
            public String displayName() {
                return account.name();
            }
        };
    }
}
