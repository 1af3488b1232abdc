package jp.kyodo.groups;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CivicGroups extends JpaRepository<CivicGroup, Long>, JpaSpecificationExecutor<CivicGroup> {

    List<CivicGroup> findByStatusOrderBySubmittedAtAsc(GroupStatus status);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select g from CivicGroup g where g.id = :id")
    java.util.Optional<CivicGroup> lockById(@org.springframework.data.repository.query.Param("id") Long id);

    boolean existsByRegistrationNumber(String registrationNumber);
}

interface GroupMembers extends JpaRepository<GroupMember, GroupMember.Key> {

    List<GroupMember> findByAccountId(Long accountId);

    List<GroupMember> findByGroupId(Long groupId);
}

interface GroupHistory extends JpaRepository<GroupHistoryEntry, Long> {

    List<GroupHistoryEntry> findByGroupIdOrderByOccurredAtAscIdAsc(Long groupId);
}

interface ActivityFields extends JpaRepository<ActivityField, String> {

    List<ActivityField> findAllByOrderBySortOrderAsc();
}

interface ActivityAreas extends JpaRepository<ActivityArea, String> {

    List<ActivityArea> findAllByOrderBySortOrderAsc();
}
