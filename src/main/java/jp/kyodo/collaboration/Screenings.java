package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.Role;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening rounds (審査): the secretariat sets up a round for a call (members, criteria with points and weights,
 * the aggregation rule and the adoption threshold), starts it, follows the members' progress and reads the ranking.
 * Members score each proposal per criterion with a comment, as a draft until they submit; a member who declares a
 * conflict of interest does not score that proposal, and sees others' scores only after submitting their own.
 */
@Service
class Screenings {

    enum Stage { DOCUMENTS, PRESENTATION }

    enum Status { SETUP, SCORING, CLOSED }

    enum SheetStatus { NONE, DRAFT, SUBMITTED, CONFLICT }

    private final JdbcClient jdbc;
    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final ProposalWork work;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final jp.kyodo.accounts.PortalUrls links;
    private final jp.kyodo.shared.CityProfile city;

    Screenings(JdbcClient jdbc, ProposalRepository proposals, CallRepository calls, ProposalWork work, Accounts accounts, Groups groups,
               MailOutbox mail, AuditLog audit, Clock clock, jp.kyodo.accounts.PortalUrls links, jp.kyodo.shared.CityProfile city) {
        this.city = city;
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.calls = calls;
        this.work = work;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.links = links;
    }

    /** A round as the secretariat and the members see it. */
    record Round(long id, long callId, String callTitle, Stage stage, Aggregation aggregation, int thresholdPercent, Status status,
                 long version, List<ScreeningMath.Criterion> criteria, List<AccountSummary> members, List<Long> proposalIds) {

        public BigDecimal maximum() {
            return ScreeningMath.maximum(criteria);
        }
    }

    /** A member's sheet for one proposal. */
    record Sheet(SheetStatus status, String comment, Map<Long, Integer> points, Map<Long, String> comments, long version,
                 String conflictReason) {
    }

    /** One proposal's line in the ranking. */
    record Ranked(ProposalView proposal, ScreeningMath.Result result, int conflicts, int submitted, int expected) {
    }

    /** Who has scored what. */
    record Progress(AccountSummary member, Map<Long, SheetStatus> byProposal) {
        public long done() {
            return byProposal.values().stream().filter(s -> s == SheetStatus.SUBMITTED || s == SheetStatus.CONFLICT).count();
        }
    }

    // ---- The secretariat ----

    @Transactional
    long create(Actor admin, long callId, String rawStage, String rawAggregation, String rawThreshold, String rawPreset) {
        Call call = calls.findById(callId).filter(c -> c.status() != CallStatus.DRAFT).orElseThrow(CallManagement::notFound);
        // One round per call and stage, even when the button is pressed twice: serialize on the call's row.
        jdbc.sql("select id from collab_call where id = :id for update").param("id", callId).query(Long.class).single();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Stage stage = checks.check(() -> parse(Stage.class, "stage", rawStage));
        Aggregation aggregation = checks.check(() -> parse(Aggregation.class, "aggregation", rawAggregation));
        Integer threshold = checks.check(() -> required("thresholdPercent", Inputs.integer("thresholdPercent", rawThreshold, 1, 100)));
        RubricPreset preset = checks.check(() -> parse(RubricPreset.class, "preset", rawPreset));
        checks.throwIfAny();
        boolean exists = jdbc.sql("select count(*) from collab_screening where call_id = :c and stage = :s")
                .param("c", callId).param("s", stage.name()).query(Long.class).single() > 0;
        if (exists) {
            throw new InvalidInputException("stage", "validation.screening.exists");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into collab_screening (call_id, stage, aggregation, threshold_percent, status, created_by, created_at, updated_at)
                        values (:c, :stage, :agg, :t, 'SETUP', :by, :now, :now) returning id""")
                .param("c", callId).param("stage", stage.name()).param("agg", aggregation.name()).param("t", threshold)
                .param("by", admin.accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        int seq = 0;
        for (ScreeningMath.Criterion c : preset.criteria()) {
            insertCriterion(id, ++seq, c.name(), c.maxPoints(), c.weight());
        }
        audit.record(admin, "screening.create", "collab_screening", id, call.title() + " " + stage);
        return id;
    }

    /** Replaces the criteria, the rule and the threshold while the round is being set up (rule and threshold until it closes). */
    @Transactional
    void configure(Actor admin, long screeningId, long version, String rawAggregation, String rawThreshold, List<String> names,
                   List<String> maxPoints, List<String> weights) {
        Round round = lockedRound(screeningId, version);
        if (round.status() == Status.CLOSED) {
            throw new InvalidInputException("version", "validation.screening.closed");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Aggregation aggregation = checks.check(() -> parse(Aggregation.class, "aggregation", rawAggregation));
        Integer threshold = checks.check(() -> required("thresholdPercent", Inputs.integer("thresholdPercent", rawThreshold, 1, 100)));
        List<ScreeningMath.Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String max = i < maxPoints.size() ? maxPoints.get(i) : null;
            String weight = i < weights.size() ? weights.get(i) : null;
            if ((name == null || name.isBlank()) && (max == null || max.isBlank())) {
                continue;
            }
            int index = i;
            String n = checks.check(() -> Inputs.required("criteria[" + index + "].name", name, 100));
            Integer m = checks.check(() -> required("criteria[" + index + "].maxPoints", Inputs.integer("criteria[" + index + "].maxPoints", max, 1, 100)));
            BigDecimal w = checks.check(() -> weight(index, weight));
            criteria.add(new ScreeningMath.Criterion(0, n, m == null ? 0 : m, w));
        }
        if (criteria.isEmpty()) {
            checks.check(() -> {
                throw new InvalidInputException("criteria[0].name", "validation.screening.noCriteria");
            });
        }
        checks.throwIfAny();
        boolean criteriaChange = round.status() == Status.SETUP;
        if (!criteriaChange && !sameCriteria(round.criteria(), criteria)) {
            throw new InvalidInputException("version", "validation.screening.criteriaFixed");
        }
        jdbc.sql("update collab_screening set aggregation = :a, threshold_percent = :t, updated_at = :now, version = version + 1 where id = :id")
                .param("a", aggregation.name()).param("t", threshold).param("now", Timestamp.from(clock.instant())).param("id", screeningId).update();
        if (criteriaChange) {
            jdbc.sql("delete from collab_screening_criterion where screening_id = :id").param("id", screeningId).update();
            int seq = 0;
            for (ScreeningMath.Criterion c : criteria) {
                insertCriterion(screeningId, ++seq, c.name(), c.maxPoints(), c.weight());
            }
        }
        audit.record(admin, "screening.configure", "collab_screening", screeningId, aggregation + " " + threshold + "% "
                + criteria.size() + " criteria");
    }

    @Transactional
    void setMembers(Actor admin, long screeningId, long version, List<Long> accountIds) {
        Round round = lockedRound(screeningId, version);
        if (round.status() != Status.SETUP) {
            throw new InvalidInputException("members", "validation.screening.started");
        }
        Set<Long> committee = new HashSet<>(accounts.withRole(Role.COMMITTEE).stream().map(AccountSummary::id).toList());
        if (accountIds.isEmpty() || !committee.containsAll(accountIds)) {
            throw new InvalidInputException("members", "validation.screening.members");
        }
        jdbc.sql("delete from collab_screening_member where screening_id = :id").param("id", screeningId).update();
        for (Long a : new java.util.LinkedHashSet<>(accountIds)) {
            jdbc.sql("insert into collab_screening_member (screening_id, account_id) values (:s, :a)").param("s", screeningId).param("a", a).update();
        }
        bump(screeningId);
        audit.record(admin, "screening.members", "collab_screening", screeningId, accountIds.size() + " members");
    }

    /** Starts scoring: the call's submitted proposals (or, for the presentation, those that passed the documents) go in. */
    @Transactional
    void start(Actor admin, long screeningId, long version) {
        Round round = lockedRound(screeningId, version);
        if (round.status() != Status.SETUP) {
            throw new InvalidInputException("version", "validation.screening.started");
        }
        if (round.members().isEmpty()) {
            throw new InvalidInputException("members", "validation.screening.members");
        }
        Call call = calls.findById(round.callId()).orElseThrow();
        // Screening starts once the call no longer accepts proposals, so that none is left behind as submitted.
        if (call.status() != CallStatus.CLOSED && !today().isAfter(call.applicationCloses())) {
            throw new InvalidInputException("version", "validation.screening.callOpen");
        }
        Instant now = clock.instant();
        Map<Long, Proposal> included = new LinkedHashMap<>();
        Optional<Round> documents = round.stage() == Stage.PRESENTATION ? roundFor(round.callId(), Stage.DOCUMENTS) : Optional.empty();
        if (documents.isPresent()) {
            // The presentation screens those that passed the documents, once that round is closed.
            if (documents.get().status() != Status.CLOSED) {
                throw new InvalidInputException("version", "validation.screening.documentsOpen");
            }
            Set<Long> passed = new HashSet<>();
            ranking(documents.get()).stream().filter(r -> r.result().passes()).forEach(r -> passed.add(r.proposal().id()));
            for (Proposal p : proposals.findByCallIdAndStatus(round.callId(), ProposalStatus.IN_SCREENING)) {
                if (passed.contains(p.id())) {
                    included.put(p.id(), p);
                }
            }
        } else {
            for (Proposal p : proposals.findByCallIdAndStatus(round.callId(), ProposalStatus.SUBMITTED)) {
                p.startScreening(now);
                included.put(p.id(), p);
            }
        }
        if (included.isEmpty()) {
            throw new InvalidInputException("version", "validation.screening.noProposals");
        }
        for (Proposal p : included.values()) {
            jdbc.sql("insert into collab_screening_proposal (screening_id, proposal_id) values (:s, :p) on conflict do nothing")
                    .param("s", screeningId).param("p", p.id()).update();
            audit.record(admin, "proposal.screening", "collab_proposal", p.id(), "round #" + screeningId + " " + round.stage());
        }
        jdbc.sql("update collab_screening set status = 'SCORING', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(now)).param("id", screeningId).update();
        audit.record(admin, "screening.start", "collab_screening", screeningId, included.size() + " proposals");
        for (AccountSummary m : round.members()) {
            mail.send(m.email(), "screeningStarted", Locale.JAPANESE, m.name(), round.callTitle(), included.size(),
                    links.link("/committee/screenings/" + screeningId));
        }
    }

    @Transactional
    void close(Actor admin, long screeningId, long version) {
        Round round = lockedRound(screeningId, version);
        if (round.status() != Status.SCORING) {
            throw new InvalidInputException("version", "validation.screening.notScoring");
        }
        jdbc.sql("update collab_screening set status = 'CLOSED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", screeningId).update();
        audit.record(admin, "screening.close", "collab_screening", screeningId, null);
    }

    @Transactional(readOnly = true)
    List<Round> rounds() {
        return jdbc.sql("select id from collab_screening order by created_at desc").query(Long.class).list().stream()
                .map(this::round).toList();
    }

    @Transactional(readOnly = true)
    Round round(long screeningId) {
        var row = jdbc.sql("""
                        select s.call_id, c.title, s.stage, s.aggregation, s.threshold_percent, s.status, s.version
                        from collab_screening s join collab_call c on c.id = s.call_id where s.id = :id""")
                .param("id", screeningId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), Stage.valueOf(rs.getString(3)),
                        Aggregation.valueOf(rs.getString(4)), rs.getInt(5), Status.valueOf(rs.getString(6)), rs.getLong(7)})
                .optional().orElseThrow(CallManagement::notFound);
        List<ScreeningMath.Criterion> criteria = jdbc.sql("""
                        select id, name, max_points, weight from collab_screening_criterion where screening_id = :id order by seq""")
                .param("id", screeningId)
                .query((rs, i) -> new ScreeningMath.Criterion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4))).list();
        List<AccountSummary> members = jdbc.sql("select account_id from collab_screening_member where screening_id = :id order by account_id")
                .param("id", screeningId).query(Long.class).list().stream().map(accounts::find).flatMap(Optional::stream).toList();
        List<Long> included = jdbc.sql("select proposal_id from collab_screening_proposal where screening_id = :id order by proposal_id")
                .param("id", screeningId).query(Long.class).list();
        return new Round(screeningId, (Long) row[0], (String) row[1], (Stage) row[2], (Aggregation) row[3], (Integer) row[4],
                (Status) row[5], (Long) row[6], criteria, members, included);
    }

    Optional<Round> roundFor(long callId, Stage stage) {
        return jdbc.sql("select id from collab_screening where call_id = :c and stage = :s").param("c", callId).param("s", stage.name())
                .query(Long.class).optional().map(this::round);
    }

    /** The ranking: every proposal of the round with its aggregated result, best first. */
    @Transactional(readOnly = true)
    List<Ranked> ranking(Round round) {
        List<Ranked> out = new ArrayList<>();
        for (Long proposalId : round.proposalIds()) {
            Set<Long> conflicted = conflicts(round.id(), proposalId);
            List<ScreeningMath.Sheet> sheets = submittedSheets(round, proposalId);
            ScreeningMath.Result result = ScreeningMath.result(round.criteria(), sheets, conflicted, round.aggregation(), round.thresholdPercent());
            ProposalView view = work.view(proposals.findById(proposalId).orElseThrow());
            out.add(new Ranked(view, result, conflicted.size(), sheets.size(), round.members().size() - conflicted.size()));
        }
        out.sort(Comparator.comparing((Ranked r) -> r.result().score() == null ? BigDecimal.valueOf(-1) : r.result().score()).reversed());
        return out;
    }

    @Transactional(readOnly = true)
    List<Progress> progress(Round round) {
        List<Progress> out = new ArrayList<>();
        for (AccountSummary m : round.members()) {
            Map<Long, SheetStatus> statuses = new LinkedHashMap<>();
            for (Long p : round.proposalIds()) {
                statuses.put(p, sheetStatus(round.id(), p, m.id()));
            }
            out.add(new Progress(m, statuses));
        }
        return out;
    }

    // ---- Committee members ----

    /** The rounds a member sits on, once scoring has started. */
    @Transactional(readOnly = true)
    List<Round> assigned(long accountId) {
        return jdbc.sql("""
                        select s.id from collab_screening s join collab_screening_member m on m.screening_id = s.id
                        where m.account_id = :a and s.status <> 'SETUP' order by s.created_at desc""")
                .param("a", accountId).query(Long.class).list().stream().map(this::round).toList();
    }

    /** A round for one of its members; for anyone else, not found. */
    @Transactional(readOnly = true)
    Round forMember(long screeningId, long accountId) {
        Round round = round(screeningId);
        if (round.status() == Status.SETUP || round.members().stream().noneMatch(m -> m.id().equals(accountId))) {
            throw CallManagement.notFound();
        }
        return round;
    }

    @Transactional(readOnly = true)
    Sheet sheet(long screeningId, long proposalId, long accountId) {
        Round round = forMember(screeningId, accountId);
        if (!round.proposalIds().contains(proposalId)) {
            throw CallManagement.notFound();
        }
        return loadSheet(screeningId, proposalId, accountId);
    }

    /** The other members' submitted sheets, shown to a member only once their own is submitted. */
    @Transactional(readOnly = true)
    Map<String, Sheet> othersAfterOwn(long screeningId, long proposalId, long accountId) {
        Sheet own = sheet(screeningId, proposalId, accountId);
        if (own.status() != SheetStatus.SUBMITTED) {
            return Map.of();
        }
        Map<String, Sheet> out = new LinkedHashMap<>();
        for (AccountSummary m : round(screeningId).members()) {
            if (!m.id().equals(accountId)) {
                Sheet s = loadSheet(screeningId, proposalId, m.id());
                if (s.status() == SheetStatus.SUBMITTED) {
                    out.put(m.name(), s);
                }
            }
        }
        return out;
    }

    /**
     * Saves a member's scores: as a draft (blank points allowed) or submitted (every criterion needed). Points outside
     * 0..max are refused; a submitted sheet is final.
     */
    @Transactional
    void score(long screeningId, long proposalId, Actor member, long version, Map<Long, String> rawPoints, Map<Long, String> rawComments,
               String rawComment, boolean submit) {
        Sheet current = lockSheet(screeningId, proposalId, member.accountId());
        Round round = forMember(screeningId, member.accountId());
        requireScoring(round, proposalId);
        if (current.status() == SheetStatus.CONFLICT) {
            throw new InvalidInputException("version", "validation.screening.conflicted");
        }
        if (current.status() == SheetStatus.SUBMITTED) {
            throw new InvalidInputException("version", "validation.screening.submitted");
        }
        if (current.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Map<Long, Integer> points = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        for (ScreeningMath.Criterion c : round.criteria()) {
            String field = "points[" + c.id() + "]";
            Integer p = checks.check(() -> Inputs.integer(field, rawPoints.get(c.id()), 0, c.maxPoints()));
            if (p == null && submit && !checks.failed(field)) {
                checks.check(() -> {
                    throw new InvalidInputException(field, "validation.screening.pointsRequired");
                });
            }
            points.put(c.id(), p);
            String comment = checks.check(() -> Inputs.optional("comments[" + c.id() + "]", rawComments.get(c.id()), 1000));
            comments.put(c.id(), comment);
        }
        String overall = checks.check(() -> Inputs.optional("comment", rawComment, 4000));
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into collab_score_sheet (screening_id, proposal_id, account_id, status, comment, updated_at, submitted_at, version)
                        values (:s, :p, :a, :status, :comment, :now, :submitted, 1)
                        on conflict (screening_id, proposal_id, account_id) do update
                        set status = excluded.status, comment = excluded.comment, updated_at = excluded.updated_at,
                            submitted_at = excluded.submitted_at, version = collab_score_sheet.version + 1""")
                .param("s", screeningId).param("p", proposalId).param("a", member.accountId())
                .param("status", submit ? "SUBMITTED" : "DRAFT").param("comment", overall).param("now", Timestamp.from(now))
                .param("submitted", submit ? Timestamp.from(now) : null).update();
        jdbc.sql("delete from collab_score where screening_id = :s and proposal_id = :p and account_id = :a")
                .param("s", screeningId).param("p", proposalId).param("a", member.accountId()).update();
        for (ScreeningMath.Criterion c : round.criteria()) {
            jdbc.sql("""
                            insert into collab_score (screening_id, proposal_id, account_id, criterion_id, points, comment)
                            values (:s, :p, :a, :c, :points, :comment)""")
                    .param("s", screeningId).param("p", proposalId).param("a", member.accountId()).param("c", c.id())
                    .param("points", points.get(c.id())).param("comment", comments.get(c.id())).update();
        }
        if (submit) {
            audit.record(member, "screening.submit", "collab_proposal", proposalId, "round #" + screeningId);
        }
    }

    /** A member declares a conflict of interest for a proposal: their draft is dropped and they do not score it. */
    @Transactional
    void declareConflict(long screeningId, long proposalId, Actor member, String rawReason) {
        Sheet current = lockSheet(screeningId, proposalId, member.accountId());
        Round round = forMember(screeningId, member.accountId());
        requireScoring(round, proposalId);
        String reason = Inputs.required("reason", rawReason, 500);
        if (current.status() == SheetStatus.SUBMITTED) {
            throw new InvalidInputException("reason", "validation.screening.submitted");
        }
        jdbc.sql("delete from collab_score_sheet where screening_id = :s and proposal_id = :p and account_id = :a")
                .param("s", screeningId).param("p", proposalId).param("a", member.accountId()).update();
        jdbc.sql("""
                        insert into collab_screening_conflict (screening_id, proposal_id, account_id, reason, declared_at)
                        values (:s, :p, :a, :r, :now) on conflict do nothing""")
                .param("s", screeningId).param("p", proposalId).param("a", member.accountId()).param("r", reason)
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(member, "screening.conflict", "collab_proposal", proposalId, "round #" + screeningId + ": " + reason);
    }

    // ---- Helpers ----

    /** Scoring is open in the round, and the proposal is in it and not yet decided. */
    private void requireScoring(Round round, long proposalId) {
        if (!round.proposalIds().contains(proposalId)) {
            throw CallManagement.notFound();
        }
        if (round.status() != Status.SCORING) {
            throw new InvalidInputException("version", "validation.screening.notScoring");
        }
        if (proposals.findById(proposalId).map(p -> p.status() != ProposalStatus.IN_SCREENING).orElse(true)) {
            throw new InvalidInputException("version", "validation.screening.decided");
        }
    }

    /** The round a decision on the proposal belongs to: the latest stage that screened it. */
    /** The deciding round's id of each of the proposals that went through screening, in one query. */
    Map<Long, Long> decidingRoundIds(java.util.Collection<Long> proposalIds) {
        Map<Long, Long> out = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select distinct on (sp.proposal_id) sp.proposal_id, s.id
                        from collab_screening s join collab_screening_proposal sp on sp.screening_id = s.id
                        where sp.proposal_id = any(:p)
                        order by sp.proposal_id, case s.stage when 'PRESENTATION' then 0 else 1 end""")
                .param("p", proposalIds.toArray(Long[]::new))
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    /**
     * Each proposal's result in a round, as {@link #ranking(Round)} computes it, from three queries whatever the number
     * of proposals and members (the public results page; the ranking also builds each proposal's whole view).
     */
    Map<Long, ScreeningMath.Result> results(Round round) {
        Map<Long, Set<Long>> conflicted = new HashMap<>();
        jdbc.sql("select proposal_id, account_id from collab_screening_conflict where screening_id = :s").param("s", round.id())
                .query((rs, i) -> conflicted.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        Set<List<Long>> submitted = new HashSet<>();
        jdbc.sql("select proposal_id, account_id, status from collab_score_sheet where screening_id = :s").param("s", round.id())
                .query((rs, i) -> SheetStatus.valueOf(rs.getString(3)) == SheetStatus.SUBMITTED
                        && submitted.add(List.of(rs.getLong(1), rs.getLong(2)))).list();
        Map<List<Long>, Map<Long, Integer>> points = new HashMap<>();
        jdbc.sql("select proposal_id, account_id, criterion_id, points from collab_score where screening_id = :s and points is not null")
                .param("s", round.id())
                .query((rs, i) -> points.computeIfAbsent(List.of(rs.getLong(1), rs.getLong(2)), k -> new HashMap<>())
                        .put(rs.getLong(3), rs.getInt(4))).list();
        Map<Long, ScreeningMath.Result> out = new HashMap<>();
        for (Long proposalId : round.proposalIds()) {
            Set<Long> conflicts = conflicted.getOrDefault(proposalId, Set.of());
            List<ScreeningMath.Sheet> sheets = new ArrayList<>();
            for (AccountSummary m : round.members()) {
                List<Long> key = List.of(proposalId, m.id());
                Map<Long, Integer> given = points.getOrDefault(key, Map.of());
                if (!conflicts.contains(m.id()) && submitted.contains(key)
                        && round.criteria().stream().allMatch(c -> given.get(c.id()) != null)) {
                    sheets.add(new ScreeningMath.Sheet(m.id(), given));
                }
            }
            out.put(proposalId, ScreeningMath.result(round.criteria(), sheets, conflicts, round.aggregation(), round.thresholdPercent()));
        }
        return out;
    }

    Optional<Round> decidingRound(long proposalId) {
        return jdbc.sql("""
                        select s.id from collab_screening s join collab_screening_proposal sp on sp.screening_id = s.id
                        where sp.proposal_id = :p order by case s.stage when 'PRESENTATION' then 0 else 1 end limit 1""")
                .param("p", proposalId).query(Long.class).optional().map(this::round);
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(city.zone()));
    }

    private SheetStatus sheetStatus(long screeningId, long proposalId, long accountId) {
        return loadSheet(screeningId, proposalId, accountId).status();
    }

    private Sheet loadSheet(long screeningId, long proposalId, long accountId) {
        String conflict = jdbc.sql("select reason from collab_screening_conflict where screening_id = :s and proposal_id = :p and account_id = :a")
                .param("s", screeningId).param("p", proposalId).param("a", accountId).query(String.class).optional().orElse(null);
        if (conflict != null) {
            return new Sheet(SheetStatus.CONFLICT, null, Map.of(), Map.of(), 0, conflict);
        }
        var head = jdbc.sql("select status, comment, version from collab_score_sheet where screening_id = :s and proposal_id = :p and account_id = :a")
                .param("s", screeningId).param("p", proposalId).param("a", accountId)
                .query((rs, i) -> new Object[] {SheetStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)}).optional();
        if (head.isEmpty()) {
            return new Sheet(SheetStatus.NONE, null, Map.of(), Map.of(), 0, null);
        }
        Map<Long, Integer> points = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        jdbc.sql("select criterion_id, points, comment from collab_score where screening_id = :s and proposal_id = :p and account_id = :a")
                .param("s", screeningId).param("p", proposalId).param("a", accountId)
                .query((rs, i) -> {
                    long c = rs.getLong(1);
                    Object p = rs.getObject(2);
                    if (p != null) {
                        points.put(c, ((Number) p).intValue());
                    }
                    if (rs.getString(3) != null) {
                        comments.put(c, rs.getString(3));
                    }
                    return c;
                }).list();
        Object[] h = head.get();
        return new Sheet((SheetStatus) h[0], (String) h[1], points, comments, (Long) h[2], null);
    }

    /** Serializes one member's saves for one proposal (two tabs, a double click) on the round's row. */
    private Sheet lockSheet(long screeningId, long proposalId, long accountId) {
        // A round that does not exist is "not found", not a failure (an id changed in the address).
        jdbc.sql("select id from collab_screening where id = :s for update").param("s", screeningId).query(Long.class).optional()
                .orElseThrow(CallManagement::notFound);
        return loadSheet(screeningId, proposalId, accountId);
    }

    private List<ScreeningMath.Sheet> submittedSheets(Round round, long proposalId) {
        List<ScreeningMath.Sheet> out = new ArrayList<>();
        for (AccountSummary m : round.members()) {
            Sheet s = loadSheet(round.id(), proposalId, m.id());
            if (s.status() == SheetStatus.SUBMITTED && round.criteria().stream().allMatch(c -> s.points().get(c.id()) != null)) {
                out.add(new ScreeningMath.Sheet(m.id(), s.points()));
            }
        }
        return out;
    }

    private Set<Long> conflicts(long screeningId, long proposalId) {
        return new HashSet<>(jdbc.sql("select account_id from collab_screening_conflict where screening_id = :s and proposal_id = :p")
                .param("s", screeningId).param("p", proposalId).query(Long.class).list());
    }

    private Round lockedRound(long screeningId, long version) {
        jdbc.sql("select id from collab_screening where id = :s for update").param("s", screeningId).query(Long.class).optional()
                .orElseThrow(CallManagement::notFound);
        Round round = round(screeningId);
        if (round.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        return round;
    }

    private void bump(long screeningId) {
        jdbc.sql("update collab_screening set version = version + 1, updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", screeningId).update();
    }

    private void insertCriterion(long screeningId, int seq, String name, int maxPoints, BigDecimal weight) {
        jdbc.sql("""
                        insert into collab_screening_criterion (screening_id, seq, name, max_points, weight)
                        values (:s, :seq, :name, :max, :w)""")
                .param("s", screeningId).param("seq", seq).param("name", name).param("max", maxPoints).param("w", weight).update();
    }

    private static boolean sameCriteria(List<ScreeningMath.Criterion> a, List<ScreeningMath.Criterion> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || a.get(i).maxPoints() != b.get(i).maxPoints()
                    || a.get(i).weight().compareTo(b.get(i).weight()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal weight(int index, String raw) {
        if (raw == null || raw.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            BigDecimal w = new BigDecimal(jp.kyodo.shared.TextNormalizer.normalizeWidth(raw).strip());
            if (w.signum() <= 0 || w.compareTo(BigDecimal.valueOf(100)) > 0 || w.scale() > 2) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("criteria[" + index + "].weight", "validation.screening.weight");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.required");
        }
    }
}
