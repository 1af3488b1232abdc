package jp.kyodo.accounts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** A new token of a purpose makes the earlier ones void. */
    @Modifying
    @Query("delete from AccountToken t where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
    void deleteUnused(@Param("accountId") Long accountId, @Param("purpose") AccountToken.Purpose purpose);

    @Modifying
    @Query("delete from AccountToken t where t.accountId = :accountId")
    void deleteAllOf(@Param("accountId") Long accountId);
}
