package jp.kyodo.collaboration;

/** How the committee members' totals for a proposal combine into its score. */
enum Aggregation {
    /** The mean of every counted member's total. */
    MEAN,
    /** The mean after dropping the highest and the lowest total (only when three or more members count). */
    TRIMMED_MEAN
}
