package jp.kyodo.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CollaborationForm;

/** A proposal as its group, the department, the secretariat and the committee see it (never the public). */
public record ProposalView(long id, CallView call, Groups.GroupProfile group, ProposalStatus status, int draftStep, String title,
                           String purpose, String content, String target, String capacity, LocalDate periodFrom, LocalDate periodTo,
                           String place, CollaborationForm form, String pioneering, String prospects,
                           List<ProposalLines.Role> roles, List<ProposalLines.Budget> budget, List<ProposalLines.Target> targets,
                           long incomeTotal, long expenseTotal, long cityShare, boolean balanced, String decisionReason,
                           String conditions, Instant submittedAt, Instant decidedAt, Instant updatedAt, long version,
                           List<Attachment> attachments) {

    /** A file attached to the proposal. */
    public record Attachment(long id, String filename, String contentType, int size) {
    }

    public List<ProposalLines.Budget> income() {
        return budget.stream().filter(b -> b.kind() == ProposalLines.BudgetKind.INCOME).toList();
    }

    public List<ProposalLines.Budget> expenses() {
        return budget.stream().filter(b -> b.kind() == ProposalLines.BudgetKind.EXPENSE).toList();
    }

    /** The income side with the city's share: equal to the expenses when balanced. */
    public long incomeWithCityShare() {
        return incomeTotal + cityShare;
    }
}
