package jp.kyodo.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo content for an empty database: endorsements and co-hostings in every state (one report overdue), two subsidy
 * programmes with grants at several stages, commissioned work (an after-school programme) and cooperation
 * agreements (neighbourhood watch, a business's comprehensive partnership).
 */
@Component
@Order(40)
class SupportDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(SupportDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    SupportDemoData(JdbcClient jdbc, Accounts accounts, Groups groups, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected List<String> demoTables() {
        return List.of("support_event");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        List<PublicGroup> listed = groups.listed();
        if (resident.isEmpty() || staff.isEmpty() || listed.size() < 6) {
            return;
        }
        load(resident.get(), staff.get(), listed);
    }

    private void load(AccountSummary resident, AccountSummary staff, List<PublicGroup> listed) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        long secretariat = accounts.secretariat().map(DepartmentView::id).orElseThrow();
        long shogai = department("08-shogai").orElse(secretariat);
        long kosodate = department("06-kosodate").orElse(secretariat);
        long kiki = department("02-kiki").orElse(secretariat);
        long kikaku = department("01-kikaku").orElse(secretariat);
        PublicGroup residentGroup = listed.stream().filter(g -> groups.manages(g.id(), resident.id())).findFirst().orElse(listed.getFirst());

        event(resident.id(), residentGroup, "ENDORSEMENT", "親子で楽しむ読み聞かせ会", today.plusDays(50), shogai, "SUBMITTED", 0, today);
        event(staff.id(), listed.get(1), "COHOSTING", "本庄まちなかアートウォーク", today.plusDays(40), shogai, "APPROVED", 500, today);
        event(staff.id(), listed.get(2), "ENDORSEMENT", "防災フェスタ2026", today.minusDays(50), kiki, "APPROVED", 0, today);
        event(staff.id(), listed.get(3), "ENDORSEMENT", "国際交流ふれあいデー", today.minusDays(20), shogai, "REPORTED", 300, today);
        event(staff.id(), listed.get(4), "COHOSTING", "はにわの里クリーン作戦", today.minusDays(90), secretariat, "CLOSED", 0, today);
        event(staff.id(), listed.get(5), "ENDORSEMENT", "健康食品の販売説明会", today.plusDays(60), shogai, "REFUSED", 2000, today);

        int fy = FiscalYear.of(today).startYear();
        long support = programme(fy, "市民活動支援補助金", "市民活動団体が自ら企画して行う公益的な事業を支援します。", true, 300_000, 50, 2_000_000,
                today.minusDays(60), today.plusDays(60), secretariat);
        long festival = programme(fy, "地域のまつり・行事助成金", "地域コミュニティが行う伝統行事やまつりを支援します。", false, 100_000, 80, 500_000,
                today.minusDays(30), today.plusDays(90), secretariat);
        grant(support, residentGroup, resident.id(), "子育て広場の出張開催", 400_000, 200_000, "SUBMITTED", null, null, null);
        grant(support, listed.get(1), staff.id(), "まちなかギャラリーの開催", 600_000, 300_000, "GRANTED", 300_000L, null, null);
        grant(support, listed.get(2), staff.id(), "防災マップづくり", 300_000, 150_000, "REPORTED", 150_000L, 280_000L, null);
        grant(festival, listed.get(4), staff.id(), "夏祭りの山車巡行", 120_000, 96_000, "PAID", 96_000L, 120_000L, 96_000L);

        record("COMMISSION", listed.stream().filter(g -> g.fields().stream().anyMatch(f -> f.code().equals("kosodate"))).findFirst().orElse(listed.get(0)),
                "放課後子ども教室の運営", "小学校の放課後に、地域の大人が見守りと学習支援を行う教室を運営する。", FiscalYear.of(today).start(),
                FiscalYear.of(today).end(), 1_200_000L, kosodate, staff.id());
        record("COOPERATION", listed.stream().filter(g -> g.fields().stream().anyMatch(f -> f.code().equals("bohan"))).findFirst().orElse(listed.get(2)),
                "地域見守り活動に関する協定", "登下校時の見守りと、不審者情報の共有に協力して取り組む。", FiscalYear.of(today).start(),
                FiscalYear.of(today).end(), null, kiki, staff.id());
        jdbc.sql("""
                        insert into support_record (kind, partner_name, partner_type, title, purpose, starts_on, ends_on, fiscal_year, department_id,
                            created_by, created_at)
                        values ('COOPERATION', '株式会社はにわ物流', 'BUSINESS', '地域活性化に関する包括連携協定', '災害時の物資輸送と、地域の催しへの協力。',
                            :s, :e, :fy, :d, :by, now())""")
                .param("s", FiscalYear.of(today).start()).param("e", FiscalYear.of(today).end()).param("fy", fy).param("d", kikaku)
                .param("by", staff.id()).update();
        log.info("Loaded demo endorsements, subsidies, commissions and cooperation agreements");
    }

    private Optional<Long> department(String code) {
        return accounts.activeDepartments().stream().filter(d -> d.code().equals(code)).map(DepartmentView::id).findFirst();
    }

    private void event(long applicant, PublicGroup group, String kind, String name, LocalDate starts, long department, String status, long fee,
                       LocalDate today) {
        boolean decided = !status.equals("SUBMITTED");
        boolean approved = status.equals("APPROVED") || status.equals("REPORTED") || status.equals("CLOSED");
        boolean reported = status.equals("REPORTED") || status.equals("CLOSED");
        jdbc.sql("""
                        insert into support_event (kind, applicant_id, group_id, organiser_name, organiser_address, organiser_representative,
                            organiser_phone, event_name, purpose, starts_on, ends_on, venue, target, expected_participants, fee, outline,
                            budget_income, budget_expense, department_id, status, checklist, conditions, decision_reason, decided_at, notice_number,
                            report_due_on, report_text, report_participants, report_income, report_expense, report_submitted_at, created_at, updated_at)
                        values (:kind, :applicant, :group, :org, '埼玉県本庄市中央1-1-1', :rep, '0495-25-1111', :name, :purpose, :starts, :starts,
                            '本庄市民文化会館', '市民どなたでも', 200, :fee, :outline, :income, :expense, :dept, :status, :checklist, :conditions,
                            :reason, :decided, :notice, :due, :report, :participants, :rincome, :rexpense, :reported, now(), now())""")
                .param("kind", kind).param("applicant", applicant).param("group", group.id()).param("org", group.name())
                .param("rep", group.representativeName() == null ? "代表者" : group.representativeName()).param("name", name)
                .param("purpose", "地域の交流を深め、市民活動の輪を広げるため。").param("starts", starts).param("fee", fee)
                .param("outline", "展示、体験コーナー、活動紹介を行います。").param("income", fee > 0 ? fee * 200 : null)
                .param("expense", fee > 0 ? fee * 200 : null).param("dept", department).param("status", status)
                .param("checklist", approved ? String.join(",", Events.CRITERIA) : null)
                .param("conditions", approved ? "会場の安全管理に十分注意すること。" : null)
                .param("reason", status.equals("REFUSED") ? "商品の販売を主な目的とする催しのため、営利を目的としないという基準に当たりません。" : null)
                .param("decided", decided ? Timestamp.from(clock.instant()) : null)
                .param("notice", approved ? "令和8年" + (kind.equals("ENDORSEMENT") ? "後援" : "共催") + "第" + (100 + starts.getDayOfYear()) + "号" : null)
                .param("due", approved ? starts.plusDays(30) : null).param("report", reported ? "予定どおり開催し、多くの市民が参加しました。" : null)
                .param("participants", reported ? 230 : null).param("rincome", reported && fee > 0 ? fee * 230 : null)
                .param("rexpense", reported && fee > 0 ? fee * 210 : null).param("reported", reported ? Timestamp.from(clock.instant()) : null)
                .update();
    }

    private long programme(int fy, String name, String purpose, boolean registeredOnly, long max, int rate, long budget, LocalDate opens,
                           LocalDate closes, long department) {
        return jdbc.sql("""
                        insert into support_programme (fiscal_year, name, purpose, registered_only, max_amount, rate_percent, budget, opens_on,
                            closes_on, required_documents, department_id, created_at)
                        values (:fy, :n, :p, :r, :m, :rate, :b, :o, :c, '交付申請書、事業計画書、収支予算書、団体の規約', :d, now()) returning id""")
                .param("fy", fy).param("n", name).param("p", purpose).param("r", registeredOnly).param("m", max).param("rate", rate)
                .param("b", budget).param("o", opens).param("c", closes).param("d", department).query(Long.class).single();
    }

    private void grant(long programme, PublicGroup group, long applicant, String project, long total, long requested, String status, Long granted,
                       Long actual, Long fin) {
        jdbc.sql("""
                        insert into support_grant (programme_id, group_id, applicant_id, applicant_name, project_name, purpose, total_cost,
                            requested_amount, status, granted_amount, decided_at, actual_cost, report_text, reported_at, final_amount, finalised_at,
                            paid_on, payment_reference, created_at, updated_at)
                        values (:p, :g, :a, :an, :pn, '地域の課題に取り組む事業', :t, :r, :s, :gr, :dec, :act, :rt, :rat, :fin, :fat, :paid, :ref,
                            now(), now())""")
                .param("p", programme).param("g", group.id()).param("a", applicant).param("an", group.name()).param("pn", project)
                .param("t", total).param("r", requested).param("s", status).param("gr", granted)
                .param("dec", granted == null ? null : Timestamp.from(clock.instant())).param("act", actual)
                .param("rt", actual == null ? null : "計画どおり実施しました。").param("rat", actual == null ? null : Timestamp.from(clock.instant()))
                .param("fin", fin).param("fat", fin == null ? null : Timestamp.from(clock.instant()))
                .param("paid", status.equals("PAID") ? LocalDate.now(clock.withZone(city.zone())) : null)
                .param("ref", status.equals("PAID") ? "支出命令第5012号" : null).update();
        if (granted != null) {
            jdbc.sql("update support_programme set granted_total = granted_total + :a where id = :p")
                    .param("a", fin != null ? fin : granted).param("p", programme).update();
        }
    }

    private void record(String kind, PublicGroup group, String title, String purpose, LocalDate starts, LocalDate ends, Long amount, long department,
                        long by) {
        jdbc.sql("""
                        insert into support_record (kind, group_id, partner_name, partner_type, title, purpose, starts_on, ends_on, amount,
                            fiscal_year, department_id, created_by, created_at)
                        values (:k, :g, :n, :t, :title, :purpose, :s, :e, :a, :fy, :d, :by, now())""")
                .param("k", kind).param("g", group.id()).param("n", group.name()).param("t", group.type().name()).param("title", title)
                .param("purpose", purpose).param("s", starts).param("e", ends).param("a", amount).param("fy", FiscalYear.of(starts).startYear())
                .param("d", department).param("by", by).update();
    }
}
