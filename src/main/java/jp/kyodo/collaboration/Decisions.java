package jp.kyodo.collaboration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's decision on each screened proposal (採択, 条件付き採択 with its conditions, 不採択), with reasons, told to
 * the group by mail; and the public results: the adopted projects of each call with a summary of their scores.
 */
@Service
class Decisions {

    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final ProposalWork work;
    private final Screenings screenings;
    private final CallManagement callManagement;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final Projects projects;
    private final jp.kyodo.notifications.Notices notices;

    Decisions(ProposalRepository proposals, CallRepository calls, ProposalWork work, Screenings screenings, CallManagement callManagement,
              Groups groups, MailOutbox mail, AuditLog audit, Clock clock, Projects projects, jp.kyodo.notifications.Notices notices) {
        this.notices = notices;
        this.projects = projects;
        this.proposals = proposals;
        this.calls = calls;
        this.work = work;
        this.screenings = screenings;
        this.callManagement = callManagement;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** One adopted project on the public results page: public information only. */
    record Adopted(String title, String groupName, ProposalStatus status, long cityShare, ScreeningMath.Result result,
                   Screenings.Round round) {
    }

    /** A call's public results. */
    record CallResults(CallView call, List<Adopted> adopted, long screened) {
    }

    @Transactional
    void decide(long screeningId, long proposalId, Actor admin, long version, String rawDecision, String rawReason,
                String rawConditions) {
        Proposal p = proposals.lockById(proposalId).orElseThrow(CallManagement::notFound);
        // The decision follows the last round that screened the proposal, once its scoring is closed.
        Screenings.Round round = screenings.decidingRound(proposalId).filter(r -> r.id() == screeningId)
                .orElseThrow(CallManagement::notFound);
        if (round.status() != Screenings.Status.CLOSED) {
            throw new InvalidInputException("version", "validation.decision.scoringOpen");
        }
        if (p.version() != version) {
            throw new InvalidInputException("version", "validation.decision.decidedMeanwhile");
        }
        if (p.status() != ProposalStatus.IN_SCREENING) {
            throw new InvalidInputException("version", p.status().decided() ? "validation.decision.decidedMeanwhile" : "validation.decision.notScreened");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        ProposalStatus decision = checks.check(() -> {
            try {
                ProposalStatus d = ProposalStatus.valueOf(rawDecision == null ? "" : rawDecision);
                if (!d.decided()) {
                    throw new IllegalArgumentException();
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("decision", "validation.decision.choose");
            }
        });
        String reason = checks.check(() -> Inputs.required("reason", rawReason, 4000));
        String conditions = checks.check(() -> decision == ProposalStatus.CONDITIONALLY_ADOPTED
                ? Inputs.required("conditions", rawConditions, 4000) : Inputs.optional("conditions", rawConditions, 4000));
        checks.throwIfAny();
        p.decide(decision, reason, conditions, clock.instant());
        audit.record(admin, "proposal.decide", "collab_proposal", p.id(), decision.name());
        if (decision.adopted()) {
            projects.open(p, admin, clock.instant());
        }
        Call call = calls.findById(p.callId()).orElseThrow();
        String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
        for (String email : groups.managerEmails(p.groupId())) {
            mail.send(email, "proposalDecided", Locale.JAPANESE, groupName, p.title(), call.title(),
                    new org.springframework.context.support.DefaultMessageSourceResolvable("proposalStatus." + decision.name()),
                    reason, conditions == null ? "" : conditions);
        }
        List<Proposal> ofCall = proposals.findByCallIdOrderByIdAsc(call.id());
        if (ofCall.stream().noneMatch(x -> x.status() == ProposalStatus.IN_SCREENING)) {
            // The public results page now shows this call (see publicResults): its followers and the adopted groups' hear
            // of it; a group turned down is not named to anyone (the results page lists adopted proposals only).
            List<String> topics = new ArrayList<>(CallManagement.topics(call, jp.kyodo.notifications.Announcement.ALL_RESULTS));
            ofCall.stream().filter(x -> x.status().adopted()).map(Proposal::groupId).distinct()
                    .forEach(g -> topics.add(jp.kyodo.notifications.Announcement.group(g)));
            notices.announce(new jp.kyodo.notifications.Announcement(jp.kyodo.notifications.NoticeKind.COLLABORATION, topics,
                    call.title(), "/collaboration/results", jp.kyodo.notifications.Announcement.News.RESULTS));
        }
    }

    /**
     * Every call with at least one decision, newest first, with its adopted projects best first. The proposals, their
     * deciding rounds, the rounds' results and the groups' names are each read once for the whole page.
     */
    @Transactional(readOnly = true)
    List<CallResults> publicResults() {
        List<Call> allCalls = calls.findAllByOrderByFiscalYearDescApplicationOpensDesc();
        Map<Long, List<Proposal>> byCall = new HashMap<>();
        for (Proposal p : proposals.findByCallIdInOrderByIdAsc(allCalls.stream().map(Call::id).toList())) {
            byCall.computeIfAbsent(p.callId(), k -> new ArrayList<>()).add(p);
        }
        List<Call> shown = new ArrayList<>();
        List<Proposal> adoptedShown = new ArrayList<>();
        for (Call call : allCalls) {
            List<Proposal> all = byCall.getOrDefault(call.id(), List.of());
            if (all.stream().noneMatch(p -> p.status().decided())) {
                continue;
            }
            // Published once every screened proposal is decided, or from the announced result date.
            boolean announced = call.resultOn() != null && !callManagement.today().isBefore(call.resultOn());
            if (!announced && all.stream().anyMatch(p -> p.status() == ProposalStatus.IN_SCREENING)) {
                continue;
            }
            shown.add(call);
            all.stream().filter(p -> p.status().adopted()).forEach(adoptedShown::add);
        }
        List<Long> adoptedIds = adoptedShown.stream().map(Proposal::id).toList();
        Map<Long, Long> roundOf = screenings.decidingRoundIds(adoptedIds);
        Map<Long, Optional<Screenings.Round>> rounds = new HashMap<>();
        Map<Long, Map<Long, ScreeningMath.Result>> results = new HashMap<>();
        Map<Long, String> groupNames = groups.names(adoptedShown.stream().map(Proposal::groupId).toList());
        Map<Long, CallView> callViews = callManagement.viewsById(shown);
        List<CallResults> out = new ArrayList<>();
        for (Call call : shown) {
            List<Proposal> all = byCall.get(call.id());
            List<Adopted> adopted = new ArrayList<>();
            for (Proposal p : all) {
                if (!p.status().adopted()) {
                    continue;
                }
                Optional<Screenings.Round> round = Optional.ofNullable(roundOf.get(p.id()))
                        .flatMap(id -> rounds.computeIfAbsent(id, x -> Optional.of(screenings.round(x))))
                        .filter(r -> r.status() == Screenings.Status.CLOSED);
                ScreeningMath.Result result = round.map(r -> results.computeIfAbsent(r.id(), x -> screenings.results(r)).get(p.id()))
                        .orElse(null);
                String groupName = groupNames.getOrDefault(p.groupId(), "");
                adopted.add(new Adopted(p.title(), groupName, p.status(), p.cityShare(), result, round.orElse(null)));
            }
            adopted.sort(Comparator.comparing((Adopted a) -> a.result() == null || a.result().score() == null ? java.math.BigDecimal.ZERO
                    : a.result().score()).reversed());
            long screened = all.stream().filter(p -> p.status().decided()).count();
            out.add(new CallResults(callViews.get(call.id()), adopted, screened));
        }
        return out;
    }
}
