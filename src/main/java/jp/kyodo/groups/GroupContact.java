package jp.kyodo.groups;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relays a message from the public to a listed group's managing people and its contact person by e-mail: the
 * sender never learns their addresses, the group gets the sender's address to reply to. Sending is limited per
 * sender address and per client address in the database, so that every portal node counts the same messages.
 */
@Service
class GroupContact {

    static final int NAME_MAX = 100;
    static final int SUBJECT_MAX = 100;
    static final int MESSAGE_MAX = 2000;
    private static final Duration WINDOW = Duration.ofHours(1);
    /** One advisory lock for all contact messages: counting and recording happen as one step on every node. */
    private static final long LOCK_KEY = 0x4B796F646F43L;

    private final GroupRegistry registry;
    private final CivicGroups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int limitPerHour;
    private final int limitPerGroupPerDay;
    private final jp.kyodo.accounts.Accounts accounts;

    GroupContact(GroupRegistry registry, CivicGroups groups, MailOutbox mail, AuditLog audit, JdbcClient jdbc, Clock clock,
                 jp.kyodo.accounts.Accounts accounts,
                 @Value("${kyodo.groups.contact-limit-per-hour:5}") int limitPerHour,
                 @Value("${kyodo.groups.contact-limit-per-group-per-day:30}") int limitPerGroupPerDay) {
        this.accounts = accounts;
        this.limitPerGroupPerDay = limitPerGroupPerDay;
        this.registry = registry;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.limitPerHour = limitPerHour;
    }

    int limitPerHour() {
        return limitPerHour;
    }

    /** Checks and relays a message; a refused field or the rate limit is reported, and then nothing is sent. */
    @Transactional
    void relay(long groupId, String rawName, String rawEmail, String rawSubject, String rawMessage, boolean consent,
               String clientAddress) {
        PublicGroup group = registry.listed(groupId).orElseThrow(GroupRegistry::notFound);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> oneLine(GroupRegistry.required("senderName", rawName, NAME_MAX)));
        String email = checks.check(() -> {
            try {
                return GroupPeople.email(rawEmail);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("senderEmail", e.problems().getFirst().messageKey());
            }
        });
        String subject = checks.check(() -> oneLine(GroupRegistry.required("subject", rawSubject, SUBJECT_MAX)));
        String message = checks.check(() -> GroupRegistry.required("message", rawMessage, MESSAGE_MAX));
        if (!consent) {
            checks.check(() -> {
                throw new InvalidInputException("consent", "validation.groupContact.consent");
            });
        }
        checks.throwIfAny();

        Instant now = clock.instant();
        String senderKey = GroupPeople.sha256("email:" + email);
        String clientKey = GroupPeople.sha256("ip:" + clientNetwork(clientAddress));
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked").param("key", LOCK_KEY).query(Integer.class).single();
        jdbc.sql("delete from civic_group_contact_message where sent_at < :old")
                .param("old", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        long bySender = jdbc.sql("select count(*) from civic_group_contact_message where sender_key = :k and sent_at > :since")
                .param("k", senderKey).param("since", since).query(Long.class).single();
        long byClient = jdbc.sql("select count(*) from civic_group_contact_message where client_key = :k and sent_at > :since")
                .param("k", clientKey).param("since", since).query(Long.class).single();
        if (bySender >= limitPerHour || byClient >= limitPerHour) {
            throw new InvalidInputException("version", "validation.groupContact.tooMany", limitPerHour);
        }
        // Many senders at one group (a flood from many addresses) must not bury a small group's mailbox.
        long byGroup = jdbc.sql("select count(*) from civic_group_contact_message where group_id = :g and sent_at > :since")
                .param("g", groupId).param("since", Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
        if (byGroup >= limitPerGroupPerDay) {
            throw new InvalidInputException("version", "validation.groupContact.groupBusy");
        }
        jdbc.sql("""
                        insert into civic_group_contact_message (group_id, sender_key, client_key, sent_at)
                        values (:group, :sender, :client, :now)""")
                .param("group", groupId).param("sender", senderKey).param("client", clientKey).param("now", Timestamp.from(now))
                .update();

        Set<String> recipients = new LinkedHashSet<>(registry.managerEmails(groupId));
        groups.findById(groupId).map(CivicGroup::contact).map(Person::email).filter(e -> e != null && !e.isBlank())
                .map(e -> e.toLowerCase(Locale.ROOT)).ifPresent(recipients::add);
        for (String recipient : recipients) {
            mail.send(recipient, "groupContact", Locale.JAPANESE, group.name(), subject, name, email, message);
        }
        if (recipients.isEmpty()) {
            // A group without any address on the portal (one carried over from the paper register, say): the
            // secretariat passes the message on by telephone or post rather than letting it vanish.
            for (String recipient : accounts.secretariatEmails()) {
                mail.send(recipient, "groupContactForward", Locale.JAPANESE, group.name(), subject, name, email, message, String.valueOf(groupId));
            }
        }
        audit.record("group.contact", "civic_group", groupId,
                recipients.isEmpty() ? "forwarded to the secretariat" : recipients.size() + " recipient(s)");
    }

    /** The network a client address counts for (IPv6 by its /64). */
    static String clientNetwork(String clientAddress) {
        return jp.kyodo.shared.ClientNetwork.of(clientAddress);
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
