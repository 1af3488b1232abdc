package jp.kyodo.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.PostalCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: loads the demo departments and accounts into an empty database (unless demo data is off), and
 * creates the first administrator from KYODO_ADMIN_EMAIL / KYODO_ADMIN_PASSWORD when there is none.
 */
@Component
@Order(10)
class AccountBootstrap implements ApplicationRunner {

    /** The password of every demo account, printed in the README. */
    static final String DEMO_PASSWORD = "kyodo-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountRepository accounts;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demoData;
    private final String adminEmail;
    private final String adminPassword;

    AccountBootstrap(AccountRepository accounts, DepartmentRepository departments, PasswordEncoder passwordEncoder,
                     PasswordPolicy passwordPolicy, AuditLog audit, TransactionTemplate tx, Clock clock,
                     @Value("${kyodo.demo-data}") boolean demoData,
                     @Value("${kyodo.admin.email:}") String adminEmail,
                     @Value("${kyodo.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.departments = departments;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.demoData = demoData;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            boolean production = !adminEmail.isBlank();
            if (demoData && production) {
                // A configured first administrator means a real installation: no accounts with a published password.
                log.warn("KYODO_ADMIN_EMAIL is set, so no demo data is loaded (set KYODO_DEMO_DATA=false to silence this)");
            } else if (demoData && accounts.count() == 0 && departments.count() == 0) {
                loadDemo();
            }
            if (production && accounts.countActiveAdministrators() == 0) {
                createFirstAdministrator();
            }
            if (production && accounts.findByEmail("admin@example.jp").isPresent()) {
                log.warn("The demo accounts (password {}) are in this database: delete them before going live", DEMO_PASSWORD);
            }
        });
    }

    private void createFirstAdministrator() {
        String email = ProfileRules.email(adminEmail);
        passwordPolicy.check(adminPassword, adminPassword, email, "password");
        Department secretariat = departments.findAll().stream().filter(Department::secretariat).findFirst()
                .orElseGet(() -> departments.save(new Department("shimin-katsudo", "市民活動推進課",
                        "Civic Activity Promotion Division", true, clock.instant())));
        Account admin = accounts.findByEmail(email).orElse(null);
        if (admin != null) {
            throw new IllegalStateException("KYODO_ADMIN_EMAIL belongs to an existing account that is not an active administrator");
        }
        admin = accounts.save(Account.provision(email, "管理者", passwordEncoder.encode(adminPassword), secretariat.id(),
                EnumSet.of(Role.ADMIN, Role.STAFF), clock.instant()));
        audit.record("account.provision", "account", admin.id(), "first administrator");
        log.info("Created the first administrator account {}", email);
    }

    private void loadDemo() {
        Instant now = clock.instant();
        record Dept(String code, String name, String nameEn, boolean secretariat) {
        }
        List<Dept> list = List.of(
                new Dept("01-kikaku", "企画課", "Planning Division", false),
                new Dept("02-kiki", "危機管理課", "Crisis Management Division", false),
                new Dept("03-shimin-katsudo", "市民活動推進課", "Civic Activity Promotion Division", true),
                new Dept("04-kankyo", "環境推進課", "Environment Promotion Division", false),
                new Dept("05-fukushi", "地域福祉課", "Community Welfare Division", false),
                new Dept("06-kosodate", "子育て支援課", "Child-rearing Support Division", false),
                new Dept("07-shoko", "商工観光課", "Commerce, Industry and Tourism Division", false),
                new Dept("08-shogai", "生涯学習課", "Lifelong Learning Division", false),
                new Dept("09-sports", "スポーツ推進課", "Sports Promotion Division", false));
        for (Dept d : list) {
            departments.save(new Department(d.code(), d.name(), d.nameEn(), d.secretariat(), now));
        }
        Long secretariat = id("03-shimin-katsudo");
        Long kosodate = id("06-kosodate");
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        demo("admin@example.jp", "田中 美咲", "タナカ　ミサキ", secretariat, EnumSet.of(Role.ADMIN, Role.STAFF), hash, now);
        demo("staff@example.jp", "小林 健一", "コバヤシ　ケンイチ", secretariat, EnumSet.of(Role.STAFF), hash, now);
        demo("kosodate@example.jp", "佐藤 由紀", "サトウ　ユキ", kosodate, EnumSet.of(Role.STAFF), hash, now);
        demo("iinkai@example.jp", "山口 和夫", "ヤマグチ　カズオ", null, EnumSet.of(Role.COMMITTEE), hash, now);
        demo("iinkai2@example.jp", "中村 恵子", "ナカムラ　ケイコ", null, EnumSet.of(Role.COMMITTEE), hash, now);
        demo("iinkai3@example.jp", "石井 誠", "イシイ　マコト", null, EnumSet.of(Role.COMMITTEE), hash, now);
        Account resident = demo("shimin@example.jp", "本庄 太郎", "ホンジョウ　タロウ", null, EnumSet.noneOf(Role.class), hash, now);
        resident.updateProfile(new Profile("本庄 太郎", "ホンジョウ　タロウ", PostalCode.parse("367-0053"),
                "埼玉県本庄市中央1-2-3", PhoneNumber.parse("090-1234-5678")), now);
        log.info("Loaded demo departments and accounts (password: {})", DEMO_PASSWORD);
    }

    private Long id(String code) {
        return departments.findAllByOrderByCodeAsc().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }

    private Account demo(String email, String name, String kana, Long departmentId, Set<Role> roles, String hash, Instant now) {
        Account account = accounts.save(Account.provision(email, name, hash, departmentId, roles, now));
        account.updateProfile(new Profile(name, kana, null, null, null), now);
        audit.record("account.provision", "account", account.id(), "demo data");
        return account;
    }
}
