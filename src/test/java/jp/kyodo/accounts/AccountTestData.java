package jp.kyodo.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts for tests straight in the database, so that each test starts from a known person. */
@Component
class AccountTestData {

    static final String PASSWORD = "correct-horse-battery";

    private final AccountRepository accounts;
    private final DepartmentRepository departments;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountTestData(AccountRepository accounts, DepartmentRepository departments, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.encoder = encoder;
        this.clock = clock;
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    @Transactional
    Account resident(String email) {
        return accounts.save(Account.provision(email, "市民 花子", encoder.encode(PASSWORD), null, EnumSet.noneOf(Role.class), clock.instant()));
    }

    @Transactional
    Account staff(String email, Set<Role> roles) {
        Department d = departments.save(new Department("t-" + UUID.randomUUID().toString().substring(0, 8), "テスト課", "Test Division", false, clock.instant()));
        return accounts.save(Account.provision(email, "職員 一郎", encoder.encode(PASSWORD), d.id(), roles, clock.instant()));
    }

    @Transactional(readOnly = true)
    Account reload(long id) {
        return accounts.findById(id).orElseThrow();
    }
}
