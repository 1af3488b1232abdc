package jp.kyodo.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person's account: sign-in, roles and profile. Its workflow methods refuse moves its status does not allow. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_kana")
    private String nameKana;

    @Column(name = "postal_code")
    private String postalCode;

    private String address;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "department_id")
    private Long departmentId;

    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private Instant totpEnabledAt;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    // Written only by LoginThrottle's atomic updates, never by saving the entity (which would undo a count).
    @Column(name = "failed_logins", insertable = false, updatable = false)
    private int failedLogins;

    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected Account() {
    }

    private Account(String email, String name, String passwordHash, AccountStatus status, Set<Role> roles, Instant now) {
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.status = status;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A resident who has signed up and must confirm the e-mail address. */
    static Account signUp(String email, String name, String passwordHash, Instant now) {
        return new Account(email, name, passwordHash, AccountStatus.PENDING_VERIFICATION, EnumSet.of(Role.RESIDENT), now);
    }

    /** An account opened by an administrator; the person sets a password through the invitation mail. */
    static Account invite(String email, String name, Long departmentId, Set<Role> roles, Instant now) {
        EnumSet<Role> all = EnumSet.of(Role.RESIDENT);
        all.addAll(roles);
        Account account = new Account(email, name, null, AccountStatus.ACTIVE, all, now);
        account.departmentId = departmentId;
        account.emailVerifiedAt = now;
        return account;
    }

    /** An account created at start-up (first administrator, demo data), active at once. */
    static Account provision(String email, String name, String passwordHash, Long departmentId, Set<Role> roles, Instant now) {
        Account account = invite(email, name, departmentId, roles, now);
        account.passwordHash = passwordHash;
        return account;
    }

    void verifyEmail(Instant now) {
        require(status == AccountStatus.PENDING_VERIFICATION, "Only a pending account can be verified");
        status = AccountStatus.ACTIVE;
        emailVerifiedAt = now;
        updatedAt = now;
    }

    int sessionEpoch() {
        return sessionEpoch;
    }

    /** Ends every session of the account (each carries a stamp of the epoch). */
    void revokeSessions(Instant now) {
        sessionEpoch++;
        updatedAt = now;
    }

    boolean secondFactorEnabled() {
        return totpSecret != null && totpEnabledAt != null;
    }

    String totpSecret() {
        return totpSecret;
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    void enableSecondFactor(String secret, long step, Instant now) {
        this.totpSecret = secret;
        this.totpEnabledAt = now;
        this.totpLastStep = step;
        updatedAt = now;
    }

    /** Records the time step of an accepted code, so that the same code is refused if shown again. */
    void acceptSecondFactorStep(long step) {
        this.totpLastStep = step;
    }

    void resetSecondFactor(Instant now) {
        this.totpSecret = null;
        this.totpEnabledAt = null;
        this.totpLastStep = null;
        sessionEpoch++;
        updatedAt = now;
    }

    void changePassword(String passwordHash, Instant now) {
        require(status == AccountStatus.ACTIVE, "Only an active account can change its password");
        this.passwordHash = passwordHash;
        updatedAt = now;
    }

    void changeEmail(String email, Instant now) {
        require(status == AccountStatus.ACTIVE, "Only an active account can change its e-mail address");
        this.email = email;
        this.emailVerifiedAt = now;
        updatedAt = now;
    }

    void updateProfile(Profile profile, Instant now) {
        require(status == AccountStatus.ACTIVE, "Only an active account can change its profile");
        this.name = profile.name();
        this.nameKana = profile.nameKana();
        this.postalCode = profile.postalCode() == null ? null : profile.postalCode().value();
        this.address = profile.address();
        this.phone = profile.phone() == null ? null : profile.phone().display();
        updatedAt = now;
    }

    void assign(String name, Long departmentId, Set<Role> roles, boolean enabled, Instant now) {
        require(status == AccountStatus.ACTIVE || status == AccountStatus.DISABLED, "Only a live account can be changed");
        this.name = name;
        this.departmentId = departmentId;
        EnumSet<Role> all = EnumSet.of(Role.RESIDENT);
        all.addAll(roles);
        this.roles = all;
        this.status = enabled ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
        updatedAt = now;
    }

    /** Deletion by the owner: the row stays for the audit trail's sake, with every personal detail erased. */
    void delete(Instant now) {
        require(status == AccountStatus.ACTIVE, "Only an active account can be deleted by its owner");
        status = AccountStatus.DELETED;
        email = "deleted-" + id + "@deleted.invalid";
        name = "退会済み";
        nameKana = null;
        postalCode = null;
        address = null;
        phone = null;
        passwordHash = null;
        departmentId = null;
        roles = EnumSet.noneOf(Role.class);
        deletedAt = now;
        updatedAt = now;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    Long id() { return id; }
    String email() { return email; }
    String passwordHash() { return passwordHash; }
    String name() { return name; }
    AccountStatus status() { return status; }
    Long departmentId() { return departmentId; }
    Set<Role> roles() { return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles); }
    Instant createdAt() { return createdAt; }
    long version() { return version; }

    Profile profile() {
        return Profile.stored(name, nameKana, postalCode, address, phone);
    }

    AccountSummary toSummary(String departmentName) {
        return new AccountSummary(id, email, name, status, roles(), departmentId, departmentName, createdAt, version);
    }
}
