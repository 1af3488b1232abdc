package jp.kyodo.groups;

/** The kinds of group the guideline names (§1). */
public enum GroupType {
    /** 市民活動団体: NPO, volunteer group. */
    CIVIC,
    /** 地域コミュニティ団体: 自治会, 子ども会, 老人会. */
    COMMUNITY,
    /** 事業者(営利). */
    BUSINESS,
    /** その他の事業者: 社会福祉法人, 学校法人. */
    OTHER_ORG
}
