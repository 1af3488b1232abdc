package jp.kyodo.accounts;

import java.time.Instant;
import java.util.Set;

/** An account as other modules and administrators' lists see it; no address or phone. */
public record AccountSummary(Long id, String email, String name, AccountStatus status, Set<Role> roles,
                             Long departmentId, String departmentName, Instant createdAt, long version) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
