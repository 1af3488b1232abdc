package jp.kyodo.groups;

/** The documents an application needs. */
public enum DocumentKind {
    /** 規約・会則. */
    BYLAWS,
    /** 役員名簿. */
    OFFICERS,
    /** 今年度の事業計画書・予算書. */
    PLAN_BUDGET,
    /** 前年度の事業報告書・決算書. */
    ACCOUNTS
}
