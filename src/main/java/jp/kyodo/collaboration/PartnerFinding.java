package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * パートナーの選定: registered groups ranked by how well they fit a theme, with the reason shown. Points: 3 for each
 * shared field of activity, 2 for working in the theme's area, 1 for each content word the theme and the group's
 * purpose and activities share (at most 5), and 2 for each project of the group adopted before in a shared field. A group
 * sharing only the area is not a candidate.
 */
@Service
class PartnerFinding {

    static final int LIMIT = 30;

    private final Groups groups;
    private final SearchIndex search;
    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final JdbcClient jdbc;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final jp.kyodo.accounts.PortalUrls links;

    PartnerFinding(Groups groups, SearchIndex search, ProposalRepository proposals, CallRepository calls, JdbcClient jdbc,
                   MailOutbox mail, AuditLog audit, Clock clock, jp.kyodo.accounts.PortalUrls links) {
        this.groups = groups;
        this.search = search;
        this.proposals = proposals;
        this.calls = calls;
        this.jdbc = jdbc;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.links = links;
    }

    /** A group and why it fits. */
    record Match(PublicGroup group, int score, List<Choice> matchedFields, boolean areaMatched, List<String> matchedWords,
                 int pastProjects, boolean invited) {
    }

    @Transactional(readOnly = true)
    List<Match> rank(CallView theme) {
        Set<String> themeWords = new LinkedHashSet<>(search.keywords(String.join("\n", nz(theme.title()), nz(theme.background()),
                nz(theme.expectedOutcome()))));
        Set<String> invited = new java.util.HashSet<>(jdbc.sql("select group_id from collab_call_invitation where call_id = :c")
                .param("c", theme.id()).query(Long.class).list().stream().map(String::valueOf).toList());
        Map<Long, Integer> past = pastProjects(theme.fieldCodes());
        List<Match> out = new ArrayList<>();
        for (PublicGroup g : groups.listed()) {
            List<Choice> fields = g.fields().stream().filter(f -> theme.fieldCodes().contains(f.code())).toList();
            boolean area = theme.areaCode() != null && g.area() != null && theme.areaCode().equals(g.area().code());
            List<String> words = new ArrayList<>();
            if (!themeWords.isEmpty()) {
                Set<String> groupWords = new LinkedHashSet<>(search.keywords(String.join("\n", nz(g.name()), nz(g.purpose()), nz(g.activities()))));
                for (String w : themeWords) {
                    if (groupWords.contains(w)) {
                        words.add(w);
                    }
                }
            }
            int projects = past.getOrDefault(g.id(), 0);
            int score = 3 * fields.size() + (area ? 2 : 0) + Math.min(words.size(), 5) + 2 * projects;
            // Working in the same area is a plus, not a reason on its own.
            if (!fields.isEmpty() || !words.isEmpty() || projects > 0) {
                out.add(new Match(g, score, fields, area, words, projects, invited.contains(String.valueOf(g.id()))));
            }
        }
        out.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(m -> m.group().nameKana() == null ? m.group().name()
                : m.group().nameKana()));
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    /** Adopted proposals per group, in calls sharing a field with the theme (or any call when the theme names none). */
    private Map<Long, Integer> pastProjects(Set<String> fieldCodes) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Proposal p : proposals.findAll()) {
            if (!p.status().adopted()) {
                continue;
            }
            Call call = calls.findById(p.callId()).orElse(null);
            if (call != null && (fieldCodes.isEmpty() || call.fieldCodes().stream().anyMatch(fieldCodes::contains))) {
                counts.merge(p.groupId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Invites a registered group to propose on an open theme: its managing people get a mail, once. */
    @Transactional
    boolean invite(CallManagement.Editor editor, Call theme, long groupId) {
        if (theme.origin() != CallOrigin.CITY || theme.status() != CallStatus.PUBLISHED) {
            throw new InvalidInputException("group", "validation.call.notOpen");
        }
        var group = groups.profile(groupId).filter(Groups.GroupProfile::inGoodStanding)
                .orElseThrow(() -> new InvalidInputException("group", "validation.proposal.groupNotRegistered"));
        int added = jdbc.sql("""
                        insert into collab_call_invitation (call_id, group_id, invited_by, invited_at) values (:c, :g, :by, :at)
                        on conflict do nothing""")
                .param("c", theme.id()).param("g", groupId).param("by", editor.actor().accountId())
                .param("at", Timestamp.from(clock.instant())).update();
        if (added == 0) {
            return false;
        }
        for (String email : groups.managerEmails(groupId)) {
            mail.send(email, "collabThemeInvitation", Locale.JAPANESE, group.name(), theme.title(),
                    jp.kyodo.shared.JapaneseDates.format(theme.applicationCloses()), links.link("/collaboration/calls/" + theme.id()));
        }
        audit.record(editor.actor(), "call.invite", "collab_call", theme.id(), "group #" + groupId);
        return true;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
