package jp.kyodo.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The table rows of a proposal: role division, budget lines and targets. */
public final class ProposalLines {

    private ProposalLines() {
    }

    /** A task, with what the group does and what the city does (役割分担). */
    @Embeddable
    public static class Role {
        private String task;
        private String groupPart;
        private String cityPart;

        protected Role() {
        }

        Role(String task, String groupPart, String cityPart) {
            this.task = task;
            this.groupPart = groupPart;
            this.cityPart = cityPart;
        }

        public String task() { return task; }
        public String groupPart() { return groupPart; }
        public String cityPart() { return cityPart; }
    }

    public enum BudgetKind { INCOME, EXPENSE }

    /** Who bears an expense: the group (own funds, fees and other income), or the city (the amount requested). */
    public enum Bearer { GROUP, CITY }

    /** A line of the income and expense budget (収支予算). */
    @Embeddable
    public static class Budget {
        @Enumerated(EnumType.STRING)
        private BudgetKind kind;
        private String item;
        private long amount;
        @Enumerated(EnumType.STRING)
        private Bearer bearer;
        private String note;

        protected Budget() {
        }

        Budget(BudgetKind kind, String item, long amount, Bearer bearer, String note) {
            this.kind = kind;
            this.item = item;
            this.amount = amount;
            this.bearer = bearer;
            this.note = note;
        }

        public BudgetKind kind() { return kind; }
        public String item() { return item; }
        public long amount() { return amount; }
        public Bearer bearer() { return bearer; }
        public String note() { return note; }
    }

    public enum TargetKind { OUTCOME, ACTIVITY }

    /** An outcome target (成果目標) or an activity indicator (活動指標), with the value aimed at. */
    @Embeddable
    public static class Target {
        @Enumerated(EnumType.STRING)
        private TargetKind kind;
        private String description;
        @Column(name = "target_value")
        private String value;

        protected Target() {
        }

        Target(TargetKind kind, String description, String value) {
            this.kind = kind;
            this.description = description;
            this.value = value;
        }

        public TargetKind kind() { return kind; }
        public String description() { return description; }
        public String value() { return value; }
    }
}
