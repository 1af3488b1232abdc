package jp.kyodo.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about accounts and departments. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final DepartmentRepository departments;

    Accounts(AccountRepository accounts, DepartmentRepository departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(long accountId) {
        return accounts.findById(accountId).map(a -> a.toSummary(
                a.departmentId() == null ? null : departments.findById(a.departmentId()).map(Department::name).orElse(null)));
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> findByEmail(String email) {
        return accounts.findByEmail(email).map(a -> a.toSummary(null));
    }

    /** The addresses of the secretariat's active staff (市民活動推進課), who receive the registry's notices. */
    @Transactional(readOnly = true)
    public List<String> secretariatEmails() {
        return accounts.secretariatEmails();
    }

    /** The addresses of a department's active staff, who receive notices about its consultations and themes. */
    @Transactional(readOnly = true)
    public List<String> departmentEmails(long departmentId) {
        return accounts.departmentEmails(departmentId);
    }

    /** The active accounts holding a role (the committee members to choose from, say), by name. */
    @Transactional(readOnly = true)
    public List<AccountSummary> withRole(Role role) {
        return accounts.activeWithRole(role).stream().map(a -> a.toSummary(null)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DepartmentView> department(long departmentId) {
        return departments.findById(departmentId).map(Department::toView);
    }

    /** The secretariat's department (市民活動推進課), which runs the yearly call. */
    @Transactional(readOnly = true)
    public Optional<DepartmentView> secretariat() {
        return departments.findAllByOrderByCodeAsc().stream().filter(d -> d.active() && d.secretariat()).findFirst().map(Department::toView);
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> activeDepartments() {
        return departments.findAllByOrderByCodeAsc().stream().filter(Department::active).map(Department::toView).toList();
    }
}
