package jp.kyodo.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import jp.kyodo.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person signed in to this session. */
public final class SignedInUser implements UserDetails, Actor, CredentialsContainer {

    private final Long accountId;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final Long departmentId;
    private final AccountStatus status;
    private final boolean locked;
    private final String credentialStamp;
    private String passwordHash;

    SignedInUser(Account account, boolean locked) {
        this.accountId = account.id();
        this.email = account.email();
        this.displayName = account.name();
        this.roles = account.roles();
        this.departmentId = account.departmentId();
        this.status = account.status();
        this.locked = locked;
        this.passwordHash = account.passwordHash();
        this.credentialStamp = stamp(account);
    }

    /**
     * A digest of the password hash and the session epoch that outlives {@link #eraseCredentials()}: a changed password,
     * "log out everywhere" or a reset second factor ends the other sessions.
     */
    static String stamp(Account account) {
        return account.passwordHash() == null ? "" : Tokens.hash(account.passwordHash() + "#" + account.sessionEpoch());
    }

    /** Whether this session still describes the account as it is now (same rights, same password, still active). */
    boolean matches(Account account) {
        return account.status() == AccountStatus.ACTIVE
                && credentialStamp.equals(stamp(account))
                && account.email().equals(email)
                && account.name().equals(displayName)
                && account.roles().equals(roles)
                && java.util.Objects.equals(account.departmentId(), departmentId);
    }

    /** Whether the session may go on with fresh details (same password, still active) or must end. */
    boolean mayContinueAs(Account account) {
        return account.status() == AccountStatus.ACTIVE && credentialStamp.equals(stamp(account));
    }

    @Override
    public Long accountId() {
        return accountId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Long departmentId() {
        return departmentId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** A stopped account reads as expired so that the login page can tell it apart from an unconfirmed one. */
    @Override
    public boolean isAccountNonExpired() {
        return status != AccountStatus.DISABLED;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return status == AccountStatus.ACTIVE || status == AccountStatus.DISABLED;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
