package jp.kyodo.collaboration;

/** The life of a proposal, one state machine: see {@link Proposal} for the moves. */
public enum ProposalStatus {
    DRAFT, CONSULTING, SUBMITTED, IN_SCREENING, ADOPTED, CONDITIONALLY_ADOPTED, NOT_ADOPTED, WITHDRAWN;

    /** The group may still change it. */
    public boolean editable() {
        return this == DRAFT || this == CONSULTING;
    }

    /** A decision was made. */
    public boolean decided() {
        return this == ADOPTED || this == CONDITIONALLY_ADOPTED || this == NOT_ADOPTED;
    }

    public boolean adopted() {
        return this == ADOPTED || this == CONDITIONALLY_ADOPTED;
    }
}
