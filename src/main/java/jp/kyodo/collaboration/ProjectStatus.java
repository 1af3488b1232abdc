package jp.kyodo.collaboration;

/** A project's stage: its agreement is being drafted, it runs, its completion report is accepted, its evaluation is public. */
public enum ProjectStatus {
    AGREEMENT, RUNNING, COMPLETED, PUBLISHED
}
