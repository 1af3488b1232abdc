package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person does with their own account: sign up, confirm, reset and change password, change e-mail, edit, delete. */
@Service
class SelfService {

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final AccountSettings settings;
    private final Clock clock;
    private final PersonalData personalData;

    private final RateLimits rateLimits;
    private final int signUpsPerHour;
    private final int resetsPerHour;
    private final int resendsPerHour;

    SelfService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwordEncoder,
                PasswordPolicy passwordPolicy, MailOutbox mail, AuditLog audit, AccountSettings settings, Clock clock,
                PersonalData personalData, RateLimits rateLimits,
                @Value("${kyodo.rate-limits.sign-ups-per-hour:5}") int signUpsPerHour,
                @Value("${kyodo.rate-limits.password-resets-per-hour:5}") int resetsPerHour,
                @Value("${kyodo.rate-limits.confirmation-resends-per-hour:5}") int resendsPerHour) {
        this.rateLimits = rateLimits;
        this.signUpsPerHour = signUpsPerHour;
        this.resetsPerHour = resetsPerHour;
        this.resendsPerHour = resendsPerHour;
        this.personalData = personalData;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.mail = mail;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Signs a resident up and mails the confirmation link. An address already in use gets a notice instead,
     * so the page never tells a stranger who has an account.
     */
    @Transactional
    public void signUp(String rawName, String rawEmail, String password, String passwordConfirmation, String baseUrl,
                       String clientAddress) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> ProfileRules.name(rawName));
        String email = checks.check(() -> ProfileRules.email(rawEmail));
        checks.check(() -> passwordPolicy.check(password, passwordConfirmation, email, "password"));
        checks.throwIfAny();
        limit("signup", signUpsPerHour, email, clientAddress, "validation.rateLimit.signUp");
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        // Hashing on every path keeps the response time from telling which addresses are registered.
        String hash = passwordEncoder.encode(password);
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent() && existing.get().status() != AccountStatus.PENDING_VERIFICATION) {
            mail.send(email, "signupExisting", locale, existing.get().name(), baseUrl + "/login", baseUrl + "/password/forgot");
            return;
        }
        Account account;
        if (existing.isPresent()) {
            // A repeated sign-up only sends the link again: it never replaces the first sign-up's password,
            // which would let a stranger set the password of an address they do not own.
            account = existing.get();
        } else {
            account = accounts.save(Account.signUp(email, name, hash, now));
        }
        String token = issue(account, AccountToken.Purpose.VERIFY_EMAIL, null, settings.verificationValidity());
        mail.send(email, "verify", locale, account.name(), baseUrl + "/signup/verify?token=" + token, hours(settings.verificationValidity()));
        audit.record(actor(account), "account.signup", "account", account.id(), null);
    }

    /** Ends every session of the account, on every device (the caller signs the current one out too). */
    @Transactional
    public void logOutEverywhere(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        account.revokeSessions(clock.instant());
        audit.record(actor(account), "account.sessions.revoked", "account", account.id(), null);
    }

    /** Sends the confirmation link again to a pending sign-up; silent for any other address. */
    @Transactional
    public void resendVerification(String rawEmail, String baseUrl, String clientAddress) {
        String email = ProfileRules.email(rawEmail);
        limit("confirmation-resend", resendsPerHour, email, clientAddress, "validation.rateLimit.resend");
        accounts.findByEmail(email)
                .filter(a -> a.status() == AccountStatus.PENDING_VERIFICATION)
                .ifPresent(account -> {
                    String token = issue(account, AccountToken.Purpose.VERIFY_EMAIL, null, settings.verificationValidity());
                    mail.send(email, "verify", LocaleContextHolder.getLocale(), account.name(),
                            baseUrl + "/signup/verify?token=" + token, hours(settings.verificationValidity()));
                });
    }

    /**
     * Counts a mail-sending request per typed address and per client network, whether or not the address has an
     * account (so the answer tells nothing), and refuses it next to the address field past the hourly limit.
     */
    private void limit(String bucket, int perHour, String email, String clientAddress, String messageKey) {
        if (!rateLimits.tryCount(bucket, perHour, Duration.ofHours(1), RateLimits.email(email), RateLimits.network(clientAddress))) {
            throw new InvalidInputException("email", messageKey, perHour);
        }
    }

    /** Confirms an e-mail address from the link; true when the account is now active. */
    @Transactional
    public boolean verify(String token) {
        Optional<AccountToken> found = usable(token, AccountToken.Purpose.VERIFY_EMAIL);
        if (found.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        AccountToken t = found.get();
        Account account = accounts.findById(t.accountId()).orElseThrow();
        if (account.status() != AccountStatus.PENDING_VERIFICATION) {
            return false;
        }
        t.use(now);
        account.verifyEmail(now);
        audit.record(actor(account), "account.verify", "account", account.id(), null);
        return true;
    }

    /** Mails a reset link to an active account; the same answer for any address. */
    @Transactional
    public void requestPasswordReset(String rawEmail, String baseUrl, String clientAddress) {
        String email = ProfileRules.email(rawEmail);
        limit("password-reset", resetsPerHour, email, clientAddress, "validation.rateLimit.passwordReset");
        accounts.findByEmail(email)
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .ifPresent(account -> {
                    String token = issue(account, AccountToken.Purpose.RESET_PASSWORD, null, settings.resetValidity());
                    mail.send(email, "reset", LocaleContextHolder.getLocale(), account.name(),
                            baseUrl + "/password/reset?token=" + token, minutes(settings.resetValidity()));
                    audit.record(actor(account), "account.password.resetRequested", "account", account.id(), null);
                });
    }

    @Transactional(readOnly = true)
    public boolean resetTokenUsable(String token) {
        return usable(token, AccountToken.Purpose.RESET_PASSWORD).isPresent();
    }

    /** Sets a new password from a reset link (also the invitation link of a new staff account). */
    @Transactional
    public boolean resetPassword(String token, String password, String confirmation) {
        Optional<AccountToken> found = usable(token, AccountToken.Purpose.RESET_PASSWORD);
        if (found.isEmpty()) {
            return false;
        }
        Account account = accounts.findById(found.get().accountId()).orElseThrow();
        passwordPolicy.check(password, confirmation, account.email(), "password");
        Instant now = clock.instant();
        found.get().use(now);
        account.changePassword(passwordEncoder.encode(password), now);
        voidPendingLinks(account);
        mail.send(account.email(), "passwordChanged", LocaleContextHolder.getLocale(), account.name());
        audit.record(actor(account), "account.password.reset", "account", account.id(), null);
        return true;
    }

    @Transactional
    public void changePassword(long accountId, String current, String password, String confirmation) {
        Account account = accounts.findById(accountId).orElseThrow();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        checks.check(() -> checkPassword(account, current));
        checks.check(() -> passwordPolicy.check(password, confirmation, account.email(), "password"));
        checks.throwIfAny();
        account.changePassword(passwordEncoder.encode(password), clock.instant());
        voidPendingLinks(account);
        mail.send(account.email(), "passwordChanged", LocaleContextHolder.getLocale(), account.name());
        audit.record("account.password.change", "account", account.id(), null);
    }

    /** Mails a confirmation link to the new address; the change happens when the link is followed. */
    @Transactional
    public String requestEmailChange(long accountId, String rawEmail, String current, String baseUrl) {
        Account account = accounts.findById(accountId).orElseThrow();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String email = checks.check(() -> newEmail(account, rawEmail));
        checks.check(() -> checkPassword(account, current));
        checks.throwIfAny();
        Locale locale = LocaleContextHolder.getLocale();
        String token = issue(account, AccountToken.Purpose.CHANGE_EMAIL, email, settings.verificationValidity());
        mail.send(email, "emailChange", locale, account.name(), baseUrl + "/account/email/confirm?token=" + token,
                hours(settings.verificationValidity()));
        mail.send(account.email(), "emailChangeNotice", locale, account.name(), email);
        audit.record("account.email.changeRequested", "account", account.id(), null);
        return email;
    }

    /** Follows the link mailed to the new address; false when it is void or the address was taken meanwhile. */
    @Transactional
    public boolean confirmEmailChange(String token) {
        Optional<AccountToken> found = usable(token, AccountToken.Purpose.CHANGE_EMAIL);
        if (found.isEmpty() || accounts.existsByEmail(found.get().newEmail())) {
            return false;
        }
        Account account = accounts.findById(found.get().accountId()).orElseThrow();
        if (account.status() != AccountStatus.ACTIVE) {
            return false;
        }
        Instant now = clock.instant();
        found.get().use(now);
        account.changeEmail(found.get().newEmail(), now);
        voidPendingLinks(account);
        audit.record(actor(account), "account.email.change", "account", account.id(), null);
        return true;
    }

    @Transactional(readOnly = true)
    public AccountSummary summary(long accountId) {
        return accounts.findById(accountId).orElseThrow().toSummary(null);
    }

    @Transactional(readOnly = true)
    public Profile profile(long accountId) {
        return accounts.findById(accountId).orElseThrow().profile();
    }

    /** Saves the profile unless someone changed it since the form was shown (then the form is shown again). */
    @Transactional
    public void updateProfile(long accountId, long version, Profile profile) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        account.updateProfile(profile, clock.instant());
        audit.record("account.profile.update", "account", account.id(), null);
    }

    @Transactional
    public void delete(long accountId, String current) {
        Account account = accounts.findById(accountId).orElseThrow();
        checkPassword(account, current);
        if (account.roles().contains(Role.ADMIN) && accounts.countOtherActiveAdministrators(account.id()) == 0) {
            throw new InvalidInputException("currentPassword", "validation.lastAdministrator");
        }
        PersonalDataSubject person = PersonalData.subject(account);
        tokens.deleteAllOf(account.id());
        account.delete(clock.instant());
        audit.record("account.delete", "account", account.id(), null);
        audit.forgetActorName(account.id(), account.name());
        personalData.forget(person);
        // The farewell mail is the last trace of the address: it leaves the outbox as soon as it is sent.
        mail.sendAndForget(person.email(), "deleted", LocaleContextHolder.getLocale(), person.name());
    }

    /** After a password or address change, links mailed earlier (possibly to an old address) stop working. */
    private void voidPendingLinks(Account account) {
        tokens.deleteUnused(account.id(), AccountToken.Purpose.RESET_PASSWORD);
        tokens.deleteUnused(account.id(), AccountToken.Purpose.CHANGE_EMAIL);
        accounts.recordSuccessfulLogin(account.email());
    }

    private void checkPassword(Account account, String current) {
        if (current == null || current.isEmpty() || !passwordEncoder.matches(current, account.passwordHash())) {
            throw new InvalidInputException("currentPassword", "validation.currentPassword");
        }
    }

    private String newEmail(Account account, String rawEmail) {
        String email = ProfileRules.email(rawEmail);
        if (email.equals(account.email())) {
            throw new InvalidInputException("email", "validation.email.same");
        }
        if (accounts.existsByEmail(email)) {
            throw new InvalidInputException("email", "validation.email.taken");
        }
        return email;
    }

    String issue(Account account, AccountToken.Purpose purpose, String newEmail, Duration validity) {
        tokens.deleteUnused(account.id(), purpose);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        tokens.save(new AccountToken(account.id(), purpose, Tokens.hash(token), newEmail, now, now.plus(validity)));
        return token;
    }

    private Optional<AccountToken> usable(String token, AccountToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(Tokens.hash(token))
                .filter(t -> t.purpose() == purpose && t.usableAt(now));
    }

    static Actor actor(Account account) {
        return new SimpleActor(account.id(), account.name());
    }

    private static long hours(Duration d) {
        return Math.max(1, d.toHours());
    }

    private static long minutes(Duration d) {
        return Math.max(1, d.toMinutes());
    }

    record SimpleActor(Long accountId, String displayName) implements Actor {
    }
}
