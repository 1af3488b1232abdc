package jp.kyodo.groups;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's own consent to publishing their contact details. The applicant asks for fields to be published; the
 * person named agrees per field through a link mailed to them (or, when they are the one signed in, by ticking the
 * box themselves; or on paper, recorded by the secretariat). Until then the field stays private.
 */
@Service
class GroupConsents {

    static final Duration VALIDITY = Duration.ofDays(30);
    static final List<String> ROLES = List.of("rep", "contact");

    private final CivicGroups groups;
    private final GroupHistory history;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final jp.kyodo.accounts.PortalUrls links;

    GroupConsents(CivicGroups groups, GroupHistory history, Accounts accounts, MailOutbox mail, AuditLog audit, JdbcClient jdbc,
                  Clock clock, MessageSource messages, jp.kyodo.accounts.PortalUrls links) {
        this.groups = groups;
        this.history = history;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.links = links;
    }

    /** What a consent link shows: the details the group asks to publish, and the person's current answer. */
    record ConsentView(String groupName, String role, String personName, Person person, String fingerprint, State state) {
        enum State { OPEN, EXPIRED, SUPERSEDED }
    }

    /**
     * Asks every person of the group whose answer is awaited, once: a request not yet answered is not mailed again.
     * The person who filled in the form ({@code author}), signed in with the very address given for that person,
     * agrees by having ticked the boxes.
     */
    @Transactional
    void requestWhereNeeded(CivicGroup group, Actor actor, long author) {
        Instant now = clock.instant();
        String actingEmail = accounts.find(author).map(AccountSummary::email).orElse(null);
        for (String role : ROLES) {
            Person p = group.person(role);
            String email = p == null ? null : p.email();
            // A request made to somebody else, or for details since changed, no longer applies.
            jdbc.sql("""
                            update civic_group_consent_request set superseded_at = :now
                            where group_id = :g and role = :role and superseded_at is null
                              and (cast(:email as varchar) is null or lower(email) <> lower(cast(:email as varchar)))""")
                    .param("now", Timestamp.from(now)).param("g", group.id()).param("role", role).param("email", email).update();
            if (p == null || !p.awaitsConsent()) {
                continue;
            }
            if (email != null && email.equalsIgnoreCase(actingEmail)) {
                group.consent(role, p.publishAddress(), p.publishPhone(), p.publishEmail(), now);
                log(group.id(), actor, "consentGiven", roleLabel(role) + ": " + fieldsText(group.person(role)));
                audit.record(actor, "group.consent.self", "civic_group", group.id(), role);
                continue;
            }
            if (email == null) {
                continue; // no address to ask: the person gives consent on paper to the secretariat
            }
            boolean open = jdbc.sql("""
                            select count(*) from civic_group_consent_request
                            where group_id = :g and role = :role and superseded_at is null and answered_at is null
                              and expires_at > :now""")
                    .param("g", group.id()).param("role", role).param("now", Timestamp.from(now)).query(Long.class).single() > 0;
            if (!open) {
                send(group, role, p, now);
                log(group.id(), actor, "consentRequested", roleLabel(role));
            }
        }
    }

    /** Mails a fresh link to every person still awaited (the old links stop working), at the group's request. */
    @Transactional
    int resend(long groupId, Actor actor) {
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        Instant now = clock.instant();
        int sent = 0;
        for (String role : ROLES) {
            Person p = group.person(role);
            if (p == null || !p.awaitsConsent() || p.email() == null) {
                continue;
            }
            // At most one new mail a day to one person, however often the button is pressed.
            boolean recent = jdbc.sql("""
                            select count(*) from civic_group_consent_request
                            where group_id = :g and role = :role and created_at > :since""")
                    .param("g", group.id()).param("role", role).param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
                    .query(Long.class).single() > 0;
            if (recent) {
                continue;
            }
            jdbc.sql("update civic_group_consent_request set superseded_at = :now where group_id = :g and role = :role and superseded_at is null")
                    .param("now", Timestamp.from(now)).param("g", group.id()).param("role", role).update();
            send(group, role, p, now);
            log(group.id(), actor, "consentRequested", roleLabel(role));
            sent++;
        }
        audit.record(actor, "group.consent.resend", "civic_group", group.id(), String.valueOf(sent));
        return sent;
    }

    private void send(CivicGroup group, String role, Person p, Instant now) {
        String token = GroupPeople.newToken();
        jdbc.sql("""
                        insert into civic_group_consent_request (group_id, role, email, token_hash, created_at, expires_at)
                        values (:g, :role, :email, :hash, :now, :expires)""")
                .param("g", group.id()).param("role", role).param("email", p.email()).param("hash", GroupPeople.sha256(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(VALIDITY))).update();
        mail.send(p.email(), "groupConsentRequest", Locale.JAPANESE, p.name(), group.name(), roleLabel(role),
                requestedText(p), links.link("/consent/" + token), VALIDITY.toDays());
    }

    @Transactional(readOnly = true)
    ConsentView view(String token) {
        Request r = find(token).orElseThrow(GroupRegistry::notFound);
        CivicGroup group = groups.findById(r.groupId()).orElseThrow(GroupRegistry::notFound);
        return view(r, group);
    }

    /** The person's answer: the ticked fields are published, the others not. */
    @Transactional
    ConsentView answer(String token, String fingerprint, boolean toAddress, boolean toPhone, boolean toEmail) {
        Request r = find(token).orElseThrow(GroupRegistry::notFound);
        CivicGroup group = groups.lockById(r.groupId()).orElseThrow(GroupRegistry::notFound);
        ConsentView view = view(r, group);
        if (view.state() != ConsentView.State.OPEN) {
            return view;
        }
        if (!Objects.equals(fingerprint, view.fingerprint())) {
            // The group changed the details while the page was open: the person must see what they agree to.
            throw new InvalidInputException("fingerprint", "validation.consent.changed");
        }
        Instant now = clock.instant();
        group.consent(r.role(), toAddress, toPhone, toEmail, now);
        jdbc.sql("update civic_group_consent_request set answered_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", r.id()).update();
        Person p = group.person(r.role());
        log(group.id(), null, "consentAnswered", roleLabel(r.role()) + ": " + fieldsText(p));
        audit.record("group.consent.answer", "civic_group", group.id(), r.role() + " " + consentCodes(p));
        return view(r, group);
    }

    /** The secretariat records consent given (or withdrawn) on paper or by telephone. */
    @Transactional
    void record(long groupId, Actor staff, long version, String role, boolean toAddress, boolean toPhone, boolean toEmail) {
        CivicGroup group = groups.findById(groupId).orElseThrow(GroupRegistry::notFound);
        if (group.version() != version) {
            throw new InvalidInputException("version", "validation.group.decidedMeanwhile");
        }
        if (!ROLES.contains(role) || group.person(role) == null) {
            throw new InvalidInputException("role", "validation.required");
        }
        Instant now = clock.instant();
        group.consent(role, toAddress, toPhone, toEmail, now);
        jdbc.sql("update civic_group_consent_request set superseded_at = :now where group_id = :g and role = :role and superseded_at is null")
                .param("now", Timestamp.from(now)).param("g", groupId).param("role", role).update();
        Person p = group.person(role);
        log(groupId, staff, "consentRecorded", roleLabel(role) + ": " + fieldsText(p));
        audit.record(staff, "group.consent.record", "civic_group", groupId, role + " " + consentCodes(p));
    }

    private ConsentView view(Request r, CivicGroup group) {
        Person p = group.person(r.role());
        ConsentView.State state;
        if (r.supersededAt() != null || p == null || p.email() == null || !p.email().equalsIgnoreCase(r.email())) {
            state = ConsentView.State.SUPERSEDED;
        } else if (!r.expiresAt().isAfter(clock.instant())) {
            state = ConsentView.State.EXPIRED;
        } else {
            state = ConsentView.State.OPEN;
        }
        String fingerprint = p == null ? "" : GroupPeople.sha256(String.join("\u0000", Objects.toString(p.address(), ""),
                Objects.toString(p.phone(), ""), Objects.toString(p.email(), ""), String.valueOf(p.publishAddress()),
                String.valueOf(p.publishPhone()), String.valueOf(p.publishEmail()))).substring(0, 16);
        return new ConsentView(group.name(), r.role(), p == null ? "" : p.name(), p, fingerprint, state);
    }

    private record Request(long id, long groupId, String role, String email, Instant expiresAt, Instant supersededAt) {
    }

    private Optional<Request> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, group_id, role, email, expires_at, superseded_at from civic_group_consent_request
                        where token_hash = :hash""")
                .param("hash", GroupPeople.sha256(token))
                .query((rs, i) -> new Request(rs.getLong("id"), rs.getLong("group_id"), rs.getString("role"), rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("superseded_at") == null ? null : rs.getTimestamp("superseded_at").toInstant()))
                .optional();
    }

    private void log(long groupId, Actor actor, String event, String message) {
        history.save(new GroupHistoryEntry(groupId, clock.instant(), actor == null ? null : actor.accountId(),
                actor == null ? "本人" : actor.displayName(), event, message));
    }

    private String roleLabel(String role) {
        return messages.getMessage("group.person." + role, null, role, Locale.JAPANESE);
    }

    /** The fields asked for, in Japanese, for the mail. */
    private String requestedText(Person p) {
        List<String> out = new ArrayList<>();
        if (p.addressPublication() != Person.Publication.PRIVATE) {
            out.add(label("address"));
        }
        if (p.phonePublication() != Person.Publication.PRIVATE) {
            out.add(label("phone"));
        }
        if (p.emailPublication() != Person.Publication.PRIVATE) {
            out.add(label("email"));
        }
        return String.join("・", out);
    }

    /** The fields now public, in Japanese, for the history. */
    private String fieldsText(Person p) {
        List<String> out = new ArrayList<>();
        if (p.addressPublication() == Person.Publication.PUBLIC) {
            out.add(label("address"));
        }
        if (p.phonePublication() == Person.Publication.PUBLIC) {
            out.add(label("phone"));
        }
        if (p.emailPublication() == Person.Publication.PUBLIC) {
            out.add(label("email"));
        }
        return out.isEmpty() ? messages.getMessage("group.consent.none", null, Locale.JAPANESE) : String.join("・", out);
    }

    private static String consentCodes(Person p) {
        return "address=" + p.addressPublication() + " phone=" + p.phonePublication() + " email=" + p.emailPublication();
    }

    private String label(String key) {
        return messages.getMessage("consent.field." + key, null, Locale.JAPANESE);
    }
}
