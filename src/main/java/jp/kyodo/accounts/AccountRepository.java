package jp.kyodo.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("""
            select distinct a from Account a join a.roles r
            where r in :roles and a.status <> jp.kyodo.accounts.AccountStatus.DELETED
              and (:q is null or lower(a.name) like :q or lower(a.email) like :q)
            order by a.id""")
    Page<Account> findStaff(@Param("roles") Collection<Role> roles, @Param("q") String q, Pageable pageable);

    @Query("""
            select distinct a.email from Account a join a.roles r, Department d
            where d.id = a.departmentId and d.secretariat = true and d.active = true
              and a.status = jp.kyodo.accounts.AccountStatus.ACTIVE
              and r in (jp.kyodo.accounts.Role.STAFF, jp.kyodo.accounts.Role.ADMIN)
            order by a.email""")
    java.util.List<String> secretariatEmails();

    @Query("""
            select distinct a.email from Account a join a.roles r
            where a.departmentId = :department and a.status = jp.kyodo.accounts.AccountStatus.ACTIVE
              and r in (jp.kyodo.accounts.Role.STAFF, jp.kyodo.accounts.Role.ADMIN)
            order by a.email""")
    java.util.List<String> departmentEmails(@org.springframework.data.repository.query.Param("department") Long department);

    @Query("""
            select distinct a from Account a join a.roles r
            where r = :role and a.status = jp.kyodo.accounts.AccountStatus.ACTIVE order by a.name""")
    java.util.List<Account> activeWithRole(@org.springframework.data.repository.query.Param("role") Role role);

    @Query("""
            select count(distinct a) from Account a join a.roles r
            where r = jp.kyodo.accounts.Role.ADMIN and a.status = jp.kyodo.accounts.AccountStatus.ACTIVE""")
    long countActiveAdministrators();

    @Query("""
            select count(distinct a) from Account a join a.roles r
            where r = jp.kyodo.accounts.Role.ADMIN and a.status = jp.kyodo.accounts.AccountStatus.ACTIVE
              and a.id <> :id""")
    long countOtherActiveAdministrators(@Param("id") Long id);

    /** Counts a failed login atomically; the lock starts when the count reaches the maximum, and a past lock restarts the count. */
    @Modifying
    @Query(value = """
            update account set
              failed_logins = case when locked_until is not null and locked_until <= :now then 1 else failed_logins + 1 end,
              locked_until = case
                when locked_until is not null and locked_until <= :now then null
                when failed_logins + 1 >= :max then :until
                else locked_until end
            where email = :email and status = 'ACTIVE'""", nativeQuery = true)
    int recordFailedLogin(@Param("email") String email, @Param("now") Instant now, @Param("max") int max,
                          @Param("until") Instant until);

    @Modifying
    @Query(value = "update account set failed_logins = 0, locked_until = null where email = :email and failed_logins > 0",
            nativeQuery = true)
    int recordSuccessfulLogin(@Param("email") String email);
}
