package jp.kyodo.groups;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's people: its managing people (代表者, 担当者) change roles, remove members and invite others by e-mail;
 * an invitation is accepted through a single-use link by any signed-in account. A group always keeps a manager.
 */
@Service
class GroupPeople {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final Duration IMPORT_INVITATION_VALIDITY = Duration.ofDays(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GroupRegistry registry;
    private final GroupMembers members;
    private final GroupHistory history;
    private final CivicGroups groups;
    static final int MAX_OPEN_INVITATIONS = 20;

    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final jp.kyodo.accounts.PortalUrls links;

    GroupPeople(GroupRegistry registry, GroupMembers members, GroupHistory history, CivicGroups groups, Accounts accounts,
                MailOutbox mail, AuditLog audit, JdbcClient jdbc, Clock clock, MessageSource messages, jp.kyodo.accounts.PortalUrls links) {
        this.registry = registry;
        this.members = members;
        this.history = history;
        this.groups = groups;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.links = links;
    }

    /** One member of a group as its managing people see it. */
    record Member(long accountId, String name, GroupRole role) {
    }

    /** An invitation not yet accepted. */
    record PendingInvitation(long id, String email, GroupRole role, Instant createdAt, Instant expiresAt, boolean expired) {
    }

    /** What an invitation link leads to. */
    record InvitationView(long groupId, String groupName, GroupRole role, State state) {
        enum State { OPEN, EXPIRED, USED, ALREADY_ACCEPTED, WRONG_ACCOUNT }
    }

    @Transactional(readOnly = true)
    List<Member> members(long groupId, Actor actor) {
        registry.forManager(groupId, actor.accountId());
        return members.findByGroupId(groupId).stream()
                .map(m -> new Member(m.accountId(), accounts.find(m.accountId()).map(AccountSummary::name).orElse("—"), m.role()))
                .sorted(Comparator.comparing(Member::role).thenComparing(Member::name)).toList();
    }

    @Transactional(readOnly = true)
    List<PendingInvitation> pending(long groupId, Actor actor) {
        registry.forManager(groupId, actor.accountId());
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, email, role, created_at, expires_at from civic_group_invitation
                        where group_id = :group and accepted_at is null order by created_at""")
                .param("group", groupId)
                .query((rs, i) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    return new PendingInvitation(rs.getLong("id"), rs.getString("email"), GroupRole.valueOf(rs.getString("role")),
                            rs.getTimestamp("created_at").toInstant(), expires, !expires.isAfter(now));
                }).list();
    }

    @Transactional
    void invite(long groupId, Actor actor, String rawEmail, String rawRole) {
        GroupView group = registry.forManager(groupId, actor.accountId());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String email = checks.check(() -> email(rawEmail));
        GroupRole role = checks.check(() -> role(rawRole));
        checks.throwIfAny();
        Optional<AccountSummary> existing = accounts.findByEmail(email);
        if (existing.isPresent() && members.existsById(new GroupMember.Key(groupId, existing.get().id()))) {
            throw new InvalidInputException("email", "validation.groupPeople.alreadyMember");
        }
        Instant now = clock.instant();
        boolean invited = jdbc.sql("""
                        select count(*) from civic_group_invitation
                        where group_id = :group and email = :email and accepted_at is null and expires_at > :now""")
                .param("group", groupId).param("email", email).param("now", Timestamp.from(now)).query(Long.class).single() > 0;
        if (invited) {
            throw new InvalidInputException("email", "validation.groupPeople.alreadyInvited");
        }
        // A cap on open invitations keeps the portal's mail from being used to send many strangers a message.
        long open = jdbc.sql("""
                        select count(*) from civic_group_invitation
                        where group_id = :group and accepted_at is null and expires_at > :now""")
                .param("group", groupId).param("now", Timestamp.from(now)).query(Long.class).single();
        if (open >= MAX_OPEN_INVITATIONS) {
            throw new InvalidInputException("email", "validation.groupPeople.tooManyInvitations", MAX_OPEN_INVITATIONS);
        }
        String token = issue(groupId, actor, email, role, INVITATION_VALIDITY, now);
        mail.send(email, "groupInvitation", Locale.JAPANESE, group.name(), actor.displayName(), roleLabel(role, Locale.JAPANESE),
                links.link("/my/groups/invitations/" + token), INVITATION_VALIDITY.toDays());
    }

    /**
     * A group carried over from the city's register has nobody on the portal yet: the secretariat invites its
     * representative (or, without an address, its contact person) to manage it, with a longer time to answer.
     */
    @Transactional
    void inviteCarriedOverGroup(CivicGroup group, Actor staff) {
        String email = java.util.stream.Stream.of(group.representative(), group.contact())
                .filter(java.util.Objects::nonNull).map(Person::email).filter(e -> e != null && !e.isBlank())
                .findFirst().orElse(null);
        if (email == null) {
            return;
        }
        Instant now = clock.instant();
        String token = issue(group.id(), staff, email, GroupRole.REPRESENTATIVE, IMPORT_INVITATION_VALIDITY, now);
        mail.send(email, "groupInvitationImported", Locale.JAPANESE, group.name(), group.registrationNumber(),
                links.link("/my/groups/invitations/" + token), IMPORT_INVITATION_VALIDITY.toDays());
    }

    private String issue(long groupId, Actor actor, String email, GroupRole role, Duration validity, Instant now) {
        String token = newToken();
        jdbc.sql("""
                        insert into civic_group_invitation (group_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (:group, :email, :role, :hash, :by, :now, :expires)""")
                .param("group", groupId).param("email", email).param("role", role.name()).param("hash", sha256(token))
                .param("by", actor.accountId()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(validity))).update();
        log(groupId, actor, "invited", email + "(" + roleLabel(role, Locale.JAPANESE) + ")");
        audit.record(actor, "group.invite", "civic_group", groupId, role.name());
        return token;
    }

    @Transactional
    void cancel(long groupId, Actor actor, long invitationId) {
        registry.forManager(groupId, actor.accountId());
        String email = jdbc.sql("""
                        delete from civic_group_invitation where id = :id and group_id = :group and accepted_at is null
                        returning email""")
                .param("id", invitationId).param("group", groupId).query(String.class).optional()
                // Another group's invitation (or an accepted one) is not found here, rather than reported as cancelled.
                .orElseThrow(GroupRegistry::notFound);
        log(groupId, actor, "invitationCancelled", email);
        audit.record(actor, "group.invitation.cancel", "civic_group", groupId, "#" + invitationId);
    }

    @Transactional
    void changeRole(long groupId, Actor actor, long accountId, String rawRole) {
        registry.forManager(groupId, actor.accountId());
        // Two managers demoting each other at once must not leave the group without one: serialize on the group.
        groups.lockById(groupId);
        GroupRole role = role(rawRole);
        GroupMember member = members.findById(new GroupMember.Key(groupId, accountId)).orElseThrow(GroupRegistry::notFound);
        if (member.role() == role) {
            return;
        }
        if (member.role().manages() && !role.manages() && managers(groupId) <= 1) {
            throw new InvalidInputException("role", "validation.groupPeople.lastManager");
        }
        member.changeRole(role);
        String name = accounts.find(accountId).map(AccountSummary::name).orElse("—");
        log(groupId, actor, "roleChanged", name + ":" + roleLabel(role, Locale.JAPANESE));
        audit.record(actor, "group.member.role", "civic_group", groupId, "account #" + accountId + " " + role);
    }

    /** Removes a member; returns whether the acting person removed themselves (and so no longer sees the group). */
    @Transactional
    boolean remove(long groupId, Actor actor, long accountId) {
        registry.forManager(groupId, actor.accountId());
        groups.lockById(groupId);
        GroupMember member = members.findById(new GroupMember.Key(groupId, accountId)).orElseThrow(GroupRegistry::notFound);
        if (member.role().manages() && managers(groupId) <= 1) {
            throw new InvalidInputException("role", "validation.groupPeople.lastManager");
        }
        members.delete(member);
        String name = accounts.find(accountId).map(AccountSummary::name).orElse("—");
        log(groupId, actor, "memberRemoved", name);
        audit.record(actor, "group.member.remove", "civic_group", groupId, "account #" + accountId);
        return accountId == actor.accountId();
    }

    @Transactional(readOnly = true)
    InvitationView invitation(String token, Actor actor) {
        Row row = find(token).orElseThrow(GroupRegistry::notFound);
        return new InvitationView(row.groupId(), groupName(row.groupId()), row.role(), state(row, actor));
    }

    /** Accepts an invitation; accepting the same link again changes nothing. */
    @Transactional
    InvitationView accept(String token, Actor actor) {
        Row row = find(token).orElseThrow(GroupRegistry::notFound);
        InvitationView.State state = state(row, actor);
        InvitationView view = new InvitationView(row.groupId(), groupName(row.groupId()), row.role(), state);
        if (state != InvitationView.State.OPEN) {
            return view;
        }
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        update civic_group_invitation set accepted_at = :now, accepted_by = :by
                        where id = :id and accepted_at is null""")
                .param("now", Timestamp.from(now)).param("by", actor.accountId()).param("id", row.id()).update();
        if (claimed == 0) {
            return new InvitationView(view.groupId(), view.groupName(), view.role(), InvitationView.State.USED);
        }
        Optional<GroupMember> existing = members.findById(new GroupMember.Key(row.groupId(), actor.accountId()));
        if (existing.isEmpty()) {
            members.save(new GroupMember(row.groupId(), actor.accountId(), row.role(), now));
        } else if (!existing.get().role().manages() && row.role().manages()) {
            existing.get().changeRole(row.role());
        }
        log(row.groupId(), actor, "invitationAccepted", roleLabel(row.role(), Locale.JAPANESE));
        audit.record(actor, "group.invitation.accept", "civic_group", row.groupId(), row.role().name());
        return view;
    }

    private record Row(long id, long groupId, GroupRole role, Instant expiresAt, Instant acceptedAt, Long acceptedBy, String email) {
    }

    private Optional<Row> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, group_id, role, expires_at, accepted_at, accepted_by, email from civic_group_invitation
                        where token_hash = :hash""")
                .param("hash", sha256(token))
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("group_id"), GroupRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
                        (Long) rs.getObject("accepted_by"), rs.getString("email")))
                .optional();
    }

    private InvitationView.State state(Row row, Actor actor) {
        if (row.acceptedAt() != null) {
            return actor.accountId().equals(row.acceptedBy()) ? InvitationView.State.ALREADY_ACCEPTED : InvitationView.State.USED;
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            return InvitationView.State.EXPIRED;
        }
        // The link works only for the invited address: a forwarded or leaked link must not make a stranger a member.
        String signedIn = accounts.find(actor.accountId()).map(jp.kyodo.accounts.AccountSummary::email).orElse("");
        if (!signedIn.equalsIgnoreCase(row.email())) {
            return InvitationView.State.WRONG_ACCOUNT;
        }
        return InvitationView.State.OPEN;
    }

    private String groupName(long groupId) {
        return groups.findById(groupId).map(CivicGroup::name).orElseThrow(GroupRegistry::notFound);
    }

    private long managers(long groupId) {
        return members.findByGroupId(groupId).stream().filter(m -> m.role().manages()).count();
    }

    private void log(long groupId, Actor actor, String event, String message) {
        history.save(new GroupHistoryEntry(groupId, clock.instant(), actor.accountId(), actor.displayName(), event, message));
    }

    private String roleLabel(GroupRole role, Locale locale) {
        return messages.getMessage("groupRole." + role, null, role.name(), locale);
    }

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email", "validation.required");
        }
        String email = TextNormalizer.emailAddress(raw).strip();
        if (email.length() > 254 || !jp.kyodo.shared.Inputs.isEmailAddress(email)) {
            throw new InvalidInputException("email", "validation.email");
        }
        return email;
    }

    private static GroupRole role(String raw) {
        try {
            return GroupRole.valueOf(raw);
        } catch (RuntimeException e) {
            throw new InvalidInputException("role", "validation.groupPeople.role");
        }
    }

    /** A random single-use token for a link in an e-mail (only its digest is stored). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
