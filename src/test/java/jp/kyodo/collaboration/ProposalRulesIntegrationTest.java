package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The submission rules and the withdrawal, each move audited; an unregistered group and a closed call are refused. */
@IntegrationTest
class ProposalRulesIntegrationTest {

    @Autowired ProposalWork work;
    @Autowired CallRepository calls;
    @Autowired ProposalRepository proposals;
    @Autowired CollaborationTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aClosedPeriodAnExpiredRegistrationAndAnOverCapBudgetAreAllNamed() {
        SignedInUser manager = data.account("rules", null);
        long group = data.registeredGroup("規則確認の会" + CollaborationTestData.tag(), manager.accountId(), "確認", "kosodate");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long call = call(today.minusDays(30), today.minusDays(1), 100_000L);
        long id = complete(call, group, manager, 150_000);
        jdbc.sql("update civic_group set status = 'EXPIRED' where id = :g").param("g", group).update();

        assertThatThrownBy(() -> work.submit(id, manager, version(id)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .contains("validation.proposal.outsidePeriod", "validation.proposal.groupNotRegistered", "validation.proposal.overCap",
                                "validation.proposal.notConsulted"));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void aProposalIsWithdrawnBeforeScreeningAndTheMoveIsAudited() {
        SignedInUser manager = data.account("withdraw", null);
        long group = data.registeredGroup("取下げ確認の会" + CollaborationTestData.tag(), manager.accountId(), "確認", "kosodate");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long call = call(today.minusDays(1), today.plusDays(10), null);
        long id = complete(call, group, manager, 50_000);
        work.withdraw(id, manager, version(id));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'proposal.withdraw' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        // Withdrawn is final: neither edits nor a second withdrawal.
        assertThatThrownBy(() -> work.withdraw(id, manager, version(id))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> work.saveRoles(id, manager, ProposalForm.of(proposals.findById(id).orElseThrow())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("version")).isTrue());
        // Somebody who does not manage the group does not even see it.
        SignedInUser stranger = data.account("stranger", null);
        assertThatThrownBy(() -> work.forGroup(id, stranger.accountId())).hasMessageContaining("404");
    }

    private long call(LocalDate opens, LocalDate closes, Long cap) {
        return tx.execute(s -> {
            Call c = Call.draft(CallOrigin.GROUP, data.department("事務局", true), 1L, Instant.now());
            c.edit(new CallForm.Checked(2027, "規則確認の募集", null, null, null, cap, null, EnumSet.of(CollaborationForm.SUBSIDY), Set.of(),
                    opens, closes, null, null, null, null), Instant.now());
            c.publish(Instant.now());
            return calls.save(c).id();
        });
    }

    /** A proposal with every step saved and a balanced budget asking the city for {@code cityShare}. */
    private long complete(long call, long group, SignedInUser manager, long cityShare) {
        return tx.execute(s -> {
            Proposal p = proposals.save(Proposal.draft(call, group, "確認の事業", manager.accountId(), Instant.now()));
            p.editOutline("確認の事業", "目的", "内容", null, null, LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31), null,
                    CollaborationForm.SUBSIDY, Instant.now());
            p.editRoles(List.of(new ProposalLines.Role("運営", "団体", "市")), Instant.now());
            p.editBudget(List.of(new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "費用", cityShare, ProposalLines.Bearer.CITY, null)),
                    Instant.now());
            p.editTargets(List.of(new ProposalLines.Target(ProposalLines.TargetKind.OUTCOME, "満足度", "80%")), null, null, Instant.now());
            return p.id();
        });
    }

    private long version(long id) {
        return proposals.findById(id).orElseThrow().version();
    }
}
