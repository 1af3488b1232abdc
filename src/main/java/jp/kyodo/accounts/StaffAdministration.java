package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat's administration of departments and of staff, committee and administrator accounts. */
@Service
class StaffAdministration {

    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.STAFF, Role.COMMITTEE, Role.ADMIN);
    /** Invitations give the new person a few days to set a password. */
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final AccountRepository accounts;
    private final DepartmentRepository departments;
    private final SelfService selfService;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;

    StaffAdministration(AccountRepository accounts, DepartmentRepository departments, SelfService selfService,
                        MailOutbox mail, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.selfService = selfService;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        return departments.findAllByOrderByCodeAsc().stream().map(Department::toView).toList();
    }

    @Transactional(readOnly = true)
    public DepartmentView department(long id) {
        return departments.findById(id).orElseThrow(NotFoundException::new).toView();
    }

    @Transactional
    public long createDepartment(String rawCode, String rawName, String rawNameEn, boolean secretariat) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String code = checks.check(() -> departmentCode(rawCode));
        String name = checks.check(() -> departmentName(rawName));
        String nameEn = checks.check(() -> nameEn(rawNameEn));
        checks.throwIfAny();
        Department d = departments.save(new Department(code, name, nameEn, secretariat, clock.instant()));
        audit.record("department.create", "department", d.id(), d.name());
        return d.id();
    }

    private String departmentCode(String raw) {
        String code = TextNormalizer.normalizeWidth(raw == null ? "" : raw).trim();
        if (code.isEmpty()) {
            throw new InvalidInputException("code", "validation.required");
        }
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new InvalidInputException("code", "validation.departmentCode");
        }
        if (departments.existsByCode(code)) {
            throw new InvalidInputException("code", "validation.departmentCode.taken");
        }
        return code;
    }

    @Transactional
    public void updateDepartment(long id, long version, String rawName, String rawNameEn, boolean secretariat, boolean active) {
        Department d = departments.findById(id).orElseThrow(NotFoundException::new);
        if (d.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> departmentName(rawName));
        String nameEn = checks.check(() -> nameEn(rawNameEn));
        checks.throwIfAny();
        d.update(name, nameEn, secretariat, active);
        audit.record("department.update", "department", d.id(), d.name() + (active ? "" : " (inactive)"));
    }

    @Transactional(readOnly = true)
    public Page<AccountSummary> staff(String query, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : "%" + TextNormalizer.normalizeWidth(query).toLowerCase(Locale.ROOT) + "%";
        Map<Long, String> names = departmentNames();
        return accounts.findStaff(STAFF_ROLES, q, pageable).map(a -> a.toSummary(names.get(a.departmentId())));
    }

    @Transactional(readOnly = true)
    public AccountSummary account(long id) {
        Account a = accounts.findById(id).filter(x -> x.status() != AccountStatus.DELETED).orElseThrow(NotFoundException::new);
        return a.toSummary(departmentNames().get(a.departmentId()));
    }

    /** Opens a staff account and mails the person a link to set a password. */
    @Transactional
    public long invite(String rawName, String rawEmail, Long departmentId, Set<Role> roles, String baseUrl) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> ProfileRules.name(rawName));
        String email = checks.check(() -> ProfileRules.email(rawEmail));
        checks.check(() -> checkAssignment(departmentId, roles));
        if (email != null && accounts.existsByEmail(email)) {
            checks.check(() -> {
                throw new InvalidInputException("email", "validation.email.taken");
            });
        }
        checks.throwIfAny();
        Account account = accounts.save(Account.invite(email, name, departmentId, roles, clock.instant()));
        String token = selfService.issue(account, AccountToken.Purpose.RESET_PASSWORD, null, INVITATION_VALIDITY);
        mail.send(email, "invitation", LocaleContextHolder.getLocale(), name, baseUrl + "/password/reset?token=" + token,
                INVITATION_VALIDITY.toDays());
        audit.record("account.invite", "account", account.id(), "roles=" + roles);
        return account.id();
    }

    @Transactional
    public void update(long id, long version, String rawName, Long departmentId, Set<Role> roles, boolean enabled, long actingAccountId) {
        Account account = accounts.findById(id).filter(a -> a.status() != AccountStatus.DELETED).orElseThrow(NotFoundException::new);
        if (account.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> ProfileRules.name(rawName));
        // No role at all makes the person a plain resident again (someone who left the city's staff).
        boolean leavesStaff = roles == null || roles.isEmpty();
        if (!leavesStaff) {
            checks.check(() -> checkAssignment(departmentId, roles));
        }
        checks.throwIfAny();
        boolean losesAdmin = account.roles().contains(Role.ADMIN) && (leavesStaff || !roles.contains(Role.ADMIN) || !enabled);
        if (losesAdmin && id == actingAccountId) {
            throw new InvalidInputException("roles", "validation.ownAdministrator");
        }
        if (losesAdmin && accounts.countOtherActiveAdministrators(id) == 0) {
            throw new InvalidInputException("roles", "validation.lastAdministrator");
        }
        account.assign(name, leavesStaff ? null : departmentId, leavesStaff ? EnumSet.noneOf(Role.class) : roles, enabled, clock.instant());
        audit.record("account.staff.update", "account", id, "roles=" + roles + ", department=" + departmentId + ", enabled=" + enabled);
    }

    private void checkAssignment(Long departmentId, Set<Role> roles) {
        if (roles == null || roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
            throw new InvalidInputException("roles", "validation.roles");
        }
        boolean cityStaff = roles.contains(Role.STAFF) || roles.contains(Role.ADMIN);
        if (cityStaff && departmentId == null) {
            throw new InvalidInputException("departmentId", "validation.department.required");
        }
        if (departmentId != null && departments.findById(departmentId).filter(Department::active).isEmpty()) {
            throw new InvalidInputException("departmentId", "validation.department.inactive");
        }
    }

    private Map<Long, String> departmentNames() {
        return departments.findAll().stream().collect(Collectors.toMap(Department::id, Department::name));
    }

    private static String departmentName(String raw) {
        String name = raw == null ? "" : TextNormalizer.normalizeWidth(raw).trim();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "validation.tooLong", 100);
        }
        return name;
    }

    private static String nameEn(String raw) {
        String name = blankToNull(raw);
        if (name != null && name.length() > 100) {
            throw new InvalidInputException("nameEn", "validation.tooLong", 100);
        }
        return name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
