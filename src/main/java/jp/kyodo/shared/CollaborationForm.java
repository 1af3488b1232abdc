package jp.kyodo.shared;

/** The guideline's six forms of collaboration (協働の形態, §9). */
public enum CollaborationForm {
    /** 補助金・助成金 */
    SUBSIDY,
    /** 共催 */
    COHOSTING,
    /** 後援 */
    ENDORSEMENT,
    /** 政策・企画計画への参画 */
    PLANNING,
    /** 委託 */
    COMMISSION,
    /** 事業協力・協定 */
    COOPERATION
}
