package jp.kyodo.volunteering;

/** What a business offers (事業者の社会貢献の種類). */
enum OfferKind {
    SKILL, GOODS, VENUE, SPONSORSHIP, STAFF_VOLUNTEERING,
    /** ロードサポート: adopting a road to keep clean. */
    ROAD_SUPPORT,
    /** ふるさと納税返礼品への協力. */
    HOMETOWN_TAX,
    OTHER
}
