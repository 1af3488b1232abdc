package jp.kyodo.volunteering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relayed conversations between two registered groups about an offer, a need or a suggested pair. Messages stay in the
 * portal; the other group's managers get a mail naming only the sending group and a link, so that nobody's e-mail
 * address reaches the other side. Rate limits keep the relay from being used to flood groups.
 */
@Service
class Conversations {

    private final JdbcClient jdbc;
    private final Groups groups;
    private final Contributions contributions;
    private final MailOutbox mail;
    private final PortalUrls links;
    private final AuditLog audit;
    private final Clock clock;
    private final int conversationsPerDay;
    private final int messagesPerHour;

    Conversations(JdbcClient jdbc, Groups groups, Contributions contributions, MailOutbox mail, PortalUrls links, AuditLog audit, Clock clock,
                  @Value("${kyodo.contribution.conversations-per-day:5}") int conversationsPerDay,
                  @Value("${kyodo.contribution.messages-per-hour:30}") int messagesPerHour) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.contributions = contributions;
        this.mail = mail;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.conversationsPerDay = conversationsPerDay;
        this.messagesPerHour = messagesPerHour;
    }

    record Conversation(long id, Long offerId, Long needId, long starterGroupId, String starterGroupName, long otherGroupId,
                        String otherGroupName, String subject, Instant createdAt, Instant lastMessageAt) {

        /** The group on the other side from the given one. */
        public String partnerName(long groupId) {
            return groupId == starterGroupId ? otherGroupName : starterGroupName;
        }
    }

    record Message(long id, long groupId, String groupName, String body, Instant at) {
    }

    record Cooperation(long id, long conversationId, Long offerId, Long needId, String groupName, String partnerName, String title,
                       String summary, LocalDate agreedOn) {
    }

    /** What starting a conversation is about: the posts, the group on the other side, and the groups the person may write for. */
    record Opening(Contributions.Offer offer, Contributions.Need need, long otherGroupId, String otherGroupName, String subject,
                   List<Groups.GroupProfile> myGroups) {
    }

    /**
     * Opening a conversation about a public offer or need, or a suggested pair of one's own post and a public one.
     * 404 when a post is not public (or not the person's own) or nothing is left to talk about.
     */
    @Transactional(readOnly = true)
    Opening opening(long accountId, Long offerId, Long needId) {
        Contributions.Offer offer = offerId == null ? null : contributions.offerToTalkAbout(offerId, accountId).orElseThrow(Contributions::notFound);
        Contributions.Need need = needId == null ? null : contributions.needToTalkAbout(needId, accountId).orElseThrow(Contributions::notFound);
        List<Groups.GroupProfile> mine = contributions.registeredGroups(accountId);
        long other;
        String otherName;
        String subject;
        if (offer != null && need != null) {
            boolean offerMine = groups.manages(offer.groupId(), accountId);
            boolean needMine = groups.manages(need.groupId(), accountId);
            if (offerMine == needMine) {
                throw Contributions.notFound();
            }
            other = offerMine ? need.groupId() : offer.groupId();
            otherName = offerMine ? need.groupName() : offer.groupName();
            long own = offerMine ? offer.groupId() : need.groupId();
            mine = mine.stream().filter(g -> g.id() == own).toList();
            subject = offer.title() + " ↔ " + need.title();
        } else if (offer != null || need != null) {
            other = offer != null ? offer.groupId() : need.groupId();
            otherName = offer != null ? offer.groupName() : need.groupName();
            subject = offer != null ? offer.title() : need.title();
        } else {
            throw Contributions.notFound();
        }
        long otherId = other;
        mine = mine.stream().filter(g -> g.id() != otherId).toList();
        return new Opening(offer, need, other, otherName, subject, mine);
    }

    @Transactional
    long start(Actor actor, Long offerId, Long needId, String rawGroupId, String rawBody) {
        Opening opening = opening(actor.accountId(), offerId, needId);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long gid = Contributions.id(rawGroupId);
        Groups.GroupProfile group = checks.check(() -> opening.myGroups().stream().filter(g -> gid != null && g.id() == gid).findFirst()
                .orElseThrow(() -> new InvalidInputException("groupId", "validation.contrib.notManager")));
        String body = checks.check(() -> Inputs.required("body", rawBody, 2000));
        checks.throwIfAny();
        Instant now = clock.instant();
        long started = jdbc.sql("select count(*) from vol_conversation where started_by = :a and created_at > :since")
                .param("a", actor.accountId()).param("since", Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
        if (started >= conversationsPerDay) {
            throw new InvalidInputException("body", "validation.contrib.tooManyConversations", conversationsPerDay);
        }
        checkMessageRate(actor, now);
        long id = jdbc.sql("""
                        insert into vol_conversation (offer_id, need_id, starter_group_id, other_group_id, subject, started_by, created_at,
                            last_message_at)
                        values (:o, :n, :g, :other, :s, :by, :now, :now) returning id""")
                .param("o", opening.offer() == null ? null : opening.offer().id()).param("n", opening.need() == null ? null : opening.need().id())
                .param("g", group.id()).param("other", opening.otherGroupId()).param("s", truncate(opening.subject(), 200))
                .param("by", actor.accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        insertMessage(id, group.id(), actor, body, now);
        notifyOther(opening.otherGroupId(), group.name(), opening.subject(), id);
        audit.record(actor, "conversation.start", "vol_conversation", id, group.name() + " → " + opening.otherGroupName());
        return id;
    }

    @Transactional
    void reply(Actor actor, long id, String rawBody) {
        Conversation c = forParticipant(id, actor.accountId());
        String body = Inputs.required("body", rawBody, 2000);
        Instant now = clock.instant();
        checkMessageRate(actor, now);
        long from = ownSide(c, actor.accountId());
        insertMessage(id, from, actor, body, now);
        jdbc.sql("update vol_conversation set last_message_at = :now where id = :id").param("now", Timestamp.from(now)).param("id", id).update();
        notifyOther(from == c.starterGroupId() ? c.otherGroupId() : c.starterGroupId(),
                from == c.starterGroupId() ? c.starterGroupName() : c.otherGroupName(), c.subject(), id);
        audit.record(actor, "conversation.reply", "vol_conversation", id, from == c.starterGroupId() ? c.starterGroupName() : c.otherGroupName());
    }

    /** Records that the two groups agreed to cooperate (once per conversation); both groups' managers are told. */
    @Transactional
    long agree(Actor actor, long id, String rawSummary) {
        // One agreement per conversation, even when both sides press the button at once.
        jdbc.sql("select id from vol_conversation where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(Contributions::notFound);
        Conversation c = forParticipant(id, actor.accountId());
        String summary = Inputs.required("summary", rawSummary, 1000);
        if (cooperation(id).isPresent()) {
            throw new InvalidInputException("summary", "validation.contrib.alreadyAgreed");
        }
        long from = ownSide(c, actor.accountId());
        // The record names the offering business as the group and the other as its partner, the way support records do.
        long business;
        if (c.offerId() != null) {
            business = contributions.offerGroup(c.offerId());
        } else if (c.needId() != null) {
            long needGroup = jdbc.sql("select group_id from vol_need where id = :n").param("n", c.needId()).query(Long.class).single();
            business = needGroup == c.starterGroupId() ? c.otherGroupId() : c.starterGroupId();
        } else {
            business = from;
        }
        long partner = business == c.starterGroupId() ? c.otherGroupId() : c.starterGroupId();
        Instant now = clock.instant();
        long coop = jdbc.sql("""
                        insert into vol_cooperation (conversation_id, offer_id, need_id, group_id, partner_group_id, title, summary, agreed_on,
                            recorded_by, created_at)
                        values (:c, :o, :n, :g, :p, :t, :s, :on, :by, :now) returning id""")
                .param("c", id).param("o", c.offerId()).param("n", c.needId()).param("g", business).param("p", partner)
                .param("t", c.subject()).param("s", summary).param("on", contributions.today()).param("by", actor.accountId())
                .param("now", Timestamp.from(now)).query(Long.class).single();
        String fromName = from == c.starterGroupId() ? c.starterGroupName() : c.otherGroupName();
        for (String email : groups.managerEmails(from == c.starterGroupId() ? c.otherGroupId() : c.starterGroupId())) {
            mail.send(email, "contribAgreed", Locale.JAPANESE, fromName, c.subject(), links.link("/my/contribution/conversations/" + id));
        }
        audit.record(actor, "cooperation.record", "vol_cooperation", coop, c.starterGroupName() + " × " + c.otherGroupName() + ": " + summary);
        return coop;
    }

    /** A conversation for one of its two groups' managers; 404 for everyone else. */
    @Transactional(readOnly = true)
    Conversation forParticipant(long id, long accountId) {
        Conversation c = conversations("where c.id = :id", java.util.Map.of("id", id)).stream().findFirst()
                .orElseThrow(Contributions::notFound);
        if (!groups.manages(c.starterGroupId(), accountId) && !groups.manages(c.otherGroupId(), accountId)) {
            throw Contributions.notFound();
        }
        return c;
    }

    /** The group the person writes for: their own side (the starter's when they manage both). */
    long ownSide(Conversation c, long accountId) {
        return groups.manages(c.starterGroupId(), accountId) ? c.starterGroupId() : c.otherGroupId();
    }

    @Transactional(readOnly = true)
    List<Conversation> mine(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of()
                : conversations("where c.starter_group_id in (:ids) or c.other_group_id in (:ids)", java.util.Map.of("ids", ids));
    }

    @Transactional(readOnly = true)
    List<Message> messages(long conversationId) {
        return jdbc.sql("""
                        select m.id, m.group_id, g.name, m.body, m.created_at from vol_conv_message m join civic_group g on g.id = m.group_id
                        where m.conversation_id = :c order by m.created_at, m.id""")
                .param("c", conversationId)
                .query((rs, i) -> new Message(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Cooperation> cooperation(long conversationId) {
        return jdbc.sql("""
                        select k.*, g.name group_name, p.name partner_name from vol_cooperation k join civic_group g on g.id = k.group_id
                        join civic_group p on p.id = k.partner_group_id where k.conversation_id = :c""")
                .param("c", conversationId)
                .query((rs, i) -> new Cooperation(rs.getLong("id"), rs.getLong("conversation_id"), (Long) rs.getObject("offer_id"),
                        (Long) rs.getObject("need_id"), rs.getString("group_name"), rs.getString("partner_name"), rs.getString("title"),
                        rs.getString("summary"), rs.getDate("agreed_on").toLocalDate())).optional();
    }

    private List<Conversation> conversations(String where, java.util.Map<String, ?> params) {
        return jdbc.sql("""
                        select c.*, s.name starter_name, o.name other_name from vol_conversation c
                        join civic_group s on s.id = c.starter_group_id join civic_group o on o.id = c.other_group_id
                        """ + where + " order by c.last_message_at desc, c.id desc").params(params)
                .query((rs, i) -> new Conversation(rs.getLong("id"), (Long) rs.getObject("offer_id"), (Long) rs.getObject("need_id"),
                        rs.getLong("starter_group_id"), rs.getString("starter_name"), rs.getLong("other_group_id"), rs.getString("other_name"),
                        rs.getString("subject"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_message_at").toInstant()))
                .list();
    }

    private void checkMessageRate(Actor actor, Instant now) {
        long sent = jdbc.sql("select count(*) from vol_conv_message where author_id = :a and created_at > :since")
                .param("a", actor.accountId()).param("since", Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (sent >= messagesPerHour) {
            throw new InvalidInputException("body", "validation.contrib.tooManyMessages", messagesPerHour);
        }
    }

    private void insertMessage(long conversationId, long groupId, Actor actor, String body, Instant now) {
        jdbc.sql("insert into vol_conv_message (conversation_id, group_id, author_id, body, created_at) values (:c, :g, :a, :b, :now)")
                .param("c", conversationId).param("g", groupId).param("a", actor.accountId()).param("b", body)
                .param("now", Timestamp.from(now)).update();
    }

    /** Only the sending group's name, the subject and a link: no address, no message text, no reply-to. */
    private void notifyOther(long groupId, String fromGroupName, String subject, long conversationId) {
        String link = links.link("/my/contribution/conversations/" + conversationId);
        for (String email : groups.managerEmails(groupId)) {
            mail.send(email, "contribMessage", Locale.JAPANESE, fromGroupName, subject, link);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
