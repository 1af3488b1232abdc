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

    @Transactional(readOnly = true)
    public List<DepartmentView> activeDepartments() {
        return departments.findAllByOrderByCodeAsc().stream().filter(Department::active).map(Department::toView).toList();
    }
}
