package jp.kyodo.collaboration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CallRepository extends JpaRepository<Call, Long> {

    List<Call> findAllByOrderByFiscalYearDescApplicationOpensDesc();

    List<Call> findByStatusOrderByApplicationClosesAsc(CallStatus status);

    List<Call> findByDepartmentIdOrderByFiscalYearDescApplicationOpensDesc(Long departmentId);
}

interface ProposalRepository extends JpaRepository<Proposal, Long> {

    List<Proposal> findByGroupIdInOrderByUpdatedAtDesc(List<Long> groupIds);

    List<Proposal> findByCallIdOrderByIdAsc(Long callId);

    List<Proposal> findByCallIdInOrderByIdAsc(java.util.Collection<Long> callIds);

    List<Proposal> findByCallIdAndStatus(Long callId, ProposalStatus status);

    List<Proposal> findByGroupIdAndStatusIn(Long groupId, List<ProposalStatus> statuses);

    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Proposal p where p.id = :id")
    Optional<Proposal> lockById(@Param("id") Long id);
}

interface ProjectRepository extends JpaRepository<Project, Long> {

    /** A page of projects in a status (the public list: published ones, newest first). */
    org.springframework.data.domain.Page<Project> findByStatus(ProjectStatus status, org.springframework.data.domain.Pageable pageable);

    Optional<Project> findByProposalId(Long proposalId);

    List<Project> findByStatus(ProjectStatus status);

    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Project p where p.id = :id")
    Optional<Project> lockById(@Param("id") Long id);
}

interface AgreementRepository extends JpaRepository<Agreement, Long> {

    List<Agreement> findByProjectIdOrderByNumberDesc(Long projectId);

    List<Agreement> findByProjectIdInOrderByNumberDesc(java.util.Collection<Long> projectIds);
}
