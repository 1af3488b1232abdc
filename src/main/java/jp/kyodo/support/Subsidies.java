package jp.kyodo.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.Yen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 補助金・助成金: administrators define programmes per fiscal year (purpose, who may apply, maximum amount and
 * rate, budget, period); a group applies (交付申請); the department decides the granted amount (交付決定), never
 * letting the programme's granted total pass its budget even when two staff decide at once; a change may be
 * requested; the completion report (実績報告) gives the actual cost; the final amount (額の確定) and payment follow.
 */
@Service
class Subsidies {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;

    Subsidies(JdbcClient jdbc, Accounts accounts, Groups groups, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
    }

    /** A programme with its budget and what is already granted. */
    record Programme(long id, int fiscalYear, String name, String purpose, boolean registeredOnly, long maxAmount, int ratePercent,
                     long budget, long grantedTotal, LocalDate opensOn, LocalDate closesOn, String requiredDocuments, long departmentId,
                     boolean open) {

        public long remaining() {
            return budget - grantedTotal;
        }
    }

    /** A grant application through to payment. */
    record Grant(long id, long programmeId, String programmeName, Long groupId, long applicantId, String applicantName, String projectName,
                 String purpose, long totalCost, long requestedAmount, String budgetNote, GrantStatus status, Long grantedAmount,
                 String decisionReason, Long changeAmount, String changeReason, Long actualCost, String reportText, Long finalAmount,
                 LocalDate paidOn, String paymentReference, long version) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    // ---- Programmes ----

    @Transactional
    long createProgramme(Actor admin, long departmentId, String rawYear, String rawName, String rawPurpose, boolean registeredOnly,
                         String rawMax, String rawRate, String rawBudget, String rawOpens, String rawCloses, String rawDocuments) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Integer year = checks.check(() -> required("fiscalYear", Inputs.integer("fiscalYear", rawYear, 2000, 2200)));
        String name = checks.check(() -> Inputs.required("name", rawName, 200));
        String purpose = checks.check(() -> Inputs.required("purpose", rawPurpose, 4000));
        Long max = checks.check(() -> required("maxAmount", Inputs.yen("maxAmount", rawMax)));
        Integer rate = checks.check(() -> required("ratePercent", Inputs.integer("ratePercent", rawRate, 1, 100)));
        Long budget = checks.check(() -> required("budget", Inputs.yen("budget", rawBudget)));
        LocalDate opens = checks.check(() -> Inputs.requiredDate("opensOn", rawOpens));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("closesOn", rawCloses));
        String documents = checks.check(() -> Inputs.optional("requiredDocuments", rawDocuments, 2000));
        if (opens != null && closes != null && closes.isBefore(opens)) {
            checks.check(() -> {
                throw new InvalidInputException("closesOn", "validation.call.closesBeforeOpens");
            });
        }
        checks.throwIfAny();
        long id = jdbc.sql("""
                        insert into support_programme (fiscal_year, name, purpose, registered_only, max_amount, rate_percent, budget, opens_on,
                            closes_on, required_documents, department_id, created_at)
                        values (:y, :n, :p, :r, :m, :rate, :b, :o, :c, :d, :dept, :now) returning id""")
                .param("y", year).param("n", name).param("p", purpose).param("r", registeredOnly).param("m", max).param("rate", rate)
                .param("b", budget).param("o", opens).param("c", closes).param("d", documents).param("dept", departmentId)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(admin, "subsidy.programme.create", "support_programme", id, name);
        return id;
    }

    @Transactional(readOnly = true)
    List<Programme> programmes() {
        LocalDate today = today();
        return jdbc.sql("select * from support_programme order by fiscal_year desc, id desc")
                .query((rs, i) -> new Programme(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("name"), rs.getString("purpose"),
                        rs.getBoolean("registered_only"), rs.getLong("max_amount"), rs.getInt("rate_percent"), rs.getLong("budget"),
                        rs.getLong("granted_total"), rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
                        rs.getString("required_documents"), rs.getLong("department_id"),
                        !today.isBefore(rs.getDate("opens_on").toLocalDate()) && !today.isAfter(rs.getDate("closes_on").toLocalDate())))
                .list();
    }

    Programme programme(long id) {
        return programmes().stream().filter(p -> p.id() == id).findFirst().orElseThrow(Events::notFound);
    }

    // ---- The applicant ----

    @Transactional
    long apply(Actor actor, long programmeId, String rawGroupId, String rawProject, String rawPurpose, String rawTotal, String rawRequested,
               String rawBudgetNote) {
        Programme programme = programme(programmeId);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long groupId = checks.check(() -> {
            if (rawGroupId == null || rawGroupId.isBlank()) {
                if (programme.registeredOnly()) {
                    throw new InvalidInputException("groupId", "validation.subsidy.registeredOnly");
                }
                return null;
            }
            try {
                long id = Long.parseLong(rawGroupId);
                if (!groups.manages(id, actor.accountId())) {
                    throw new NumberFormatException();
                }
                if (programme.registeredOnly() && !groups.profile(id).map(Groups.GroupProfile::inGoodStanding).orElse(false)) {
                    throw new InvalidInputException("groupId", "validation.subsidy.registeredOnly");
                }
                return id;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("groupId", "validation.proposal.group");
            }
        });
        String project = checks.check(() -> Inputs.required("projectName", rawProject, 200));
        String purpose = checks.check(() -> Inputs.required("purpose", rawPurpose, 4000));
        Long total = checks.check(() -> required("totalCost", Inputs.yen("totalCost", rawTotal)));
        Long requested = checks.check(() -> required("requestedAmount", Inputs.yen("requestedAmount", rawRequested)));
        String note = checks.check(() -> Inputs.optional("budgetNote", rawBudgetNote, 4000));
        if (requested != null && total != null) {
            long cap = cap(programme, total);
            if (requested > cap) {
                checks.check(() -> {
                    throw new InvalidInputException("requestedAmount", "validation.subsidy.overCap", Yen.format(cap),
                            Yen.format(programme.maxAmount()), programme.ratePercent());
                });
            }
        }
        if (!programme.open()) {
            checks.check(() -> {
                throw new InvalidInputException("projectName", "validation.proposal.outsidePeriod");
            });
        }
        checks.throwIfAny();
        String applicantName = groupId == null ? actor.displayName() : groups.profile(groupId).map(Groups.GroupProfile::name).orElse("");
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into support_grant (programme_id, group_id, applicant_id, applicant_name, project_name, purpose, total_cost,
                            requested_amount, budget_note, status, created_at, updated_at)
                        values (:p, :g, :a, :an, :pn, :pu, :t, :r, :n, 'SUBMITTED', :now, :now) returning id""")
                .param("p", programmeId).param("g", groupId).param("a", actor.accountId()).param("an", applicantName).param("pn", project)
                .param("pu", purpose).param("t", total).param("r", requested).param("n", note).param("now", Timestamp.from(now))
                .query(Long.class).single();
        audit.record(actor, "subsidy.apply", "support_grant", id, Yen.format(requested));
        for (String to : accounts.departmentEmails(programme.departmentId())) {
            mail.send(to, "grantApplied", Locale.JAPANESE, programme.name(), applicantName, String.valueOf(id));
        }
        return id;
    }

    /** What a programme allows for a project of this cost: the lower of the maximum and the rate. */
    static long cap(Programme programme, long totalCost) {
        return Math.min(programme.maxAmount(), totalCost * programme.ratePercent() / 100);
    }

    @Transactional(readOnly = true)
    List<Grant> mine(long accountId) {
        return query("where g.applicant_id = :a order by g.created_at desc", Map.of("a", accountId));
    }

    @Transactional(readOnly = true)
    List<Grant> ofProgramme(long programmeId) {
        return query("where g.programme_id = :p order by g.created_at", Map.of("p", programmeId));
    }

    Grant grant(long id) {
        return query("where g.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Events::notFound);
    }

    @Transactional(readOnly = true)
    Grant forApplicant(long id, long accountId) {
        Grant g = grant(id);
        if (g.applicantId() != accountId) {
            throw Events.notFound();
        }
        return g;
    }

    @Transactional
    void withdraw(long id, Actor applicant, long version) {
        Grant g = lock(id);
        if (g.applicantId() != applicant.accountId()) {
            throw Events.notFound();
        }
        update(g, version, GrantStatus.Move.WITHDRAW, Map.of());
        audit.record(applicant, "subsidy.withdraw", "support_grant", id, null);
    }

    @Transactional
    void requestChange(long id, Actor applicant, long version, String rawAmount, String rawReason) {
        Grant g = lock(id);
        if (g.applicantId() != applicant.accountId()) {
            throw Events.notFound();
        }
        move(g, version, GrantStatus.Move.REQUEST_CHANGE);
        Programme programme = programme(g.programmeId());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long amount = checks.check(() -> required("changeAmount", Inputs.yen("changeAmount", rawAmount)));
        String reason = checks.check(() -> Inputs.required("changeReason", rawReason, 4000));
        if (amount != null && amount > cap(programme, g.totalCost())) {
            checks.check(() -> {
                throw new InvalidInputException("changeAmount", "validation.subsidy.overCap", Yen.format(cap(programme, g.totalCost())),
                        Yen.format(programme.maxAmount()), programme.ratePercent());
            });
        }
        checks.throwIfAny();
        update(g, version, GrantStatus.Move.REQUEST_CHANGE, Map.of("change_amount", amount, "change_reason", reason));
        audit.record(applicant, "subsidy.change.request", "support_grant", id, Yen.format(amount));
        tellDepartment(g, "grantChangeRequested");
    }

    @Transactional
    void report(long id, Actor applicant, long version, String rawActual, String rawText) {
        Grant g = lock(id);
        if (g.applicantId() != applicant.accountId()) {
            throw Events.notFound();
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long actual = checks.check(() -> required("actualCost", Inputs.yen("actualCost", rawActual)));
        String text = checks.check(() -> Inputs.required("reportText", rawText, 4000));
        checks.throwIfAny();
        update(g, version, GrantStatus.Move.REPORT, Map.of("actual_cost", actual, "report_text", text, "reported_at", Timestamp.from(clock.instant())));
        audit.record(applicant, "subsidy.report", "support_grant", id, Yen.format(actual));
        tellDepartment(g, "grantReported");
    }

    // ---- The department ----

    /**
     * The grant decision (交付決定). The amount is added to the programme's granted total in one guarded update, so
     * that two decisions at the same moment cannot both pass the budget; a refusal needs its reasons.
     */
    @Transactional
    void decide(long id, Actor staff, long version, boolean grant, String rawAmount, String rawReason) {
        Grant g = lock(id);
        if (g.applicantId() == staff.accountId()) {
            throw new InvalidInputException("version", "validation.support.ownApplication");
        }
        Programme programme = programme(g.programmeId());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long amount = checks.check(() -> grant ? required("amount", Inputs.yen("amount", rawAmount)) : null);
        String reason = checks.check(() -> grant ? Inputs.optional("reason", rawReason, 4000) : Inputs.required("reason", rawReason, 4000));
        if (amount != null && amount > Math.min(g.requestedAmount(), cap(programme, g.totalCost()))) {
            checks.check(() -> {
                throw new InvalidInputException("amount", "validation.subsidy.overRequested", Yen.format(Math.min(g.requestedAmount(),
                        cap(programme, g.totalCost()))));
            });
        }
        checks.throwIfAny();
        if (grant) {
            reserve(programme.id(), amount);
        }
        update(g, version, grant ? GrantStatus.Move.GRANT : GrantStatus.Move.REFUSE, grant
                ? Map.of("granted_amount", amount, "decision_reason", reason == null ? "" : reason, "decided_by", staff.accountId(),
                        "decided_at", Timestamp.from(clock.instant()))
                : Map.of("decision_reason", reason, "decided_by", staff.accountId(), "decided_at", Timestamp.from(clock.instant())));
        audit.record(staff, grant ? "subsidy.grant" : "subsidy.refuse", "support_grant", id, amount == null ? null : Yen.format(amount));
        tellApplicant(g, grant ? "grantDecided" : "grantRefused", amount == null ? "" : Yen.format(amount), reason == null ? "" : reason);
    }

    /** Accepting a change moves the granted amount, within the budget; refusing keeps it. */
    @Transactional
    void decideChange(long id, Actor staff, long version, boolean accept) {
        Grant g = lock(id);
        move(g, version, GrantStatus.Move.DECIDE_CHANGE);
        if (accept && g.changeAmount() > cap(programme(g.programmeId()), g.totalCost())) {
            throw new InvalidInputException("version", "validation.subsidy.changeOverCap");
        }
        if (accept) {
            long delta = g.changeAmount() - g.grantedAmount();
            if (delta > 0) {
                reserve(g.programmeId(), delta);
            } else if (delta < 0) {
                release(g.programmeId(), -delta);
            }
        }
        Map<String, Object> set = new java.util.HashMap<>();
        if (accept) {
            set.put("granted_amount", g.changeAmount());
        }
        // The decided change no longer shows as pending.
        set.put("change_amount", null);
        set.put("change_reason", null);
        update(g, version, GrantStatus.Move.DECIDE_CHANGE, set);
        audit.record(staff, accept ? "subsidy.change.accept" : "subsidy.change.refuse", "support_grant", id, Yen.format(g.changeAmount()));
        tellApplicant(g, accept ? "grantChangeAccepted" : "grantChangeRefused", Yen.format(accept ? g.changeAmount() : g.grantedAmount()), "");
    }

    /** 額の確定: the lower of the granted amount and the rate applied to the actual cost; the rest returns to the budget. */
    @Transactional
    long finalise(long id, Actor staff, long version) {
        Grant g = lock(id);
        move(g, version, GrantStatus.Move.FINALISE);
        Programme programme = programme(g.programmeId());
        long fin = Math.min(g.grantedAmount(), g.actualCost() * programme.ratePercent() / 100);
        update(g, version, GrantStatus.Move.FINALISE, Map.of("final_amount", fin, "finalised_at", Timestamp.from(clock.instant())));
        if (fin < g.grantedAmount()) {
            release(programme.id(), g.grantedAmount() - fin);
        }
        audit.record(staff, "subsidy.finalise", "support_grant", id, Yen.format(fin));
        tellApplicant(g, "grantFinalised", Yen.format(fin), "");
        return fin;
    }

    @Transactional
    void pay(long id, Actor staff, long version, String rawDate, String rawReference) {
        Grant g = lock(id);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        LocalDate paidOn = checks.check(() -> Inputs.requiredDate("paidOn", rawDate));
        String reference = checks.check(() -> Inputs.optional("paymentReference", rawReference, 100));
        checks.throwIfAny();
        Map<String, Object> set = new java.util.HashMap<>();
        set.put("paid_on", paidOn);
        set.put("payment_reference", reference);
        update(g, version, GrantStatus.Move.PAY, set);
        audit.record(staff, "subsidy.pay", "support_grant", id, paidOn.toString());
    }

    /** The project is abandoned (中止・廃止): the reserved amount goes back to the budget for other applicants. */
    @Transactional
    void discontinue(long id, Actor staff, long version, String rawReason) {
        Grant g = lock(id);
        move(g, version, GrantStatus.Move.DISCONTINUE);
        String reason = Inputs.required("reason", rawReason, 4000);
        release(g.programmeId(), g.grantedAmount());
        update(g, version, GrantStatus.Move.DISCONTINUE, Map.of("decision_reason", reason));
        audit.record(staff, "subsidy.discontinue", "support_grant", id, reason);
        tellApplicant(g, "grantDiscontinued", Yen.format(g.grantedAmount()), reason);
    }

    // ---- Helpers ----

    /** Refuses a move the grant's state or a stale page does not allow, before any figure is computed. */
    private void move(Grant g, long version, GrantStatus.Move move) {
        if (g.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        try {
            g.status().after(move);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("version", "validation.event.notNow");
        }
    }

    /** Adds to the granted total only if the budget allows it: one statement, so concurrent decisions cannot overshoot. */
    private void reserve(long programmeId, long amount) {
        int updated = jdbc.sql("""
                        update support_programme set granted_total = granted_total + :a
                        where id = :p and granted_total + :a <= budget""")
                .param("a", amount).param("p", programmeId).update();
        if (updated == 0) {
            Programme p = programme(programmeId);
            throw new InvalidInputException("amount", "validation.subsidy.budget", Yen.format(p.remaining()));
        }
    }

    private void release(long programmeId, long amount) {
        jdbc.sql("update support_programme set granted_total = granted_total - :a where id = :p").param("a", amount).param("p", programmeId).update();
    }

    private Grant lock(long id) {
        jdbc.sql("select id from support_grant where id = :id for update").param("id", id).query(Long.class).optional().orElseThrow(Events::notFound);
        return grant(id);
    }

    private void update(Grant g, long version, GrantStatus.Move move, Map<String, Object> set) {
        if (g.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        GrantStatus next;
        try {
            next = g.status().after(move);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("version", "validation.event.notNow");
        }
        StringBuilder sql = new StringBuilder("update support_grant set status = :status, updated_at = :now, version = version + 1");
        set.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        var spec = jdbc.sql(sql + " where id = :id").param("status", next.name()).param("now", Timestamp.from(clock.instant())).param("id", g.id());
        for (var e : set.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    private void tellApplicant(Grant g, String key, String amount, String reason) {
        accounts.find(g.applicantId()).ifPresent(a -> mail.send(a.email(), key, Locale.JAPANESE, g.programmeName(), g.projectName(), amount, reason));
    }

    private void tellDepartment(Grant g, String key) {
        for (String to : accounts.departmentEmails(programme(g.programmeId()).departmentId())) {
            mail.send(to, key, Locale.JAPANESE, g.programmeName(), g.projectName(), String.valueOf(g.id()));
        }
    }

    private List<Grant> query(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select g.*, p.name as programme_name from support_grant g join support_programme p on p.id = g.programme_id " + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, i) -> new Grant(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
                (Long) rs.getObject("group_id"), rs.getLong("applicant_id"), rs.getString("applicant_name"), rs.getString("project_name"),
                rs.getString("purpose"), rs.getLong("total_cost"), rs.getLong("requested_amount"), rs.getString("budget_note"),
                GrantStatus.valueOf(rs.getString("status")), (Long) rs.getObject("granted_amount"), rs.getString("decision_reason"),
                (Long) rs.getObject("change_amount"), rs.getString("change_reason"), (Long) rs.getObject("actual_cost"),
                rs.getString("report_text"), (Long) rs.getObject("final_amount"),
                rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(), rs.getString("payment_reference"),
                rs.getLong("version"))).list();
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return value;
    }
}
