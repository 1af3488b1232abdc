package jp.kyodo.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEntries extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    @Query("select distinct e.recordType from AuditEntry e order by e.recordType")
    List<String> recordTypes();

    @Query("select distinct e.action from AuditEntry e order by e.action")
    List<String> actions();

    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "update audit_entry set actor_name = :name where actor_id = :id", nativeQuery = true)
    int renameActor(@org.springframework.data.repository.query.Param("id") long id,
                    @org.springframework.data.repository.query.Param("name") String name);
}
