package jp.kyodo.publishing;

/** What a news item is about; the labels are the messages {@code news.category.<NAME>}. */
enum NewsCategory {
    /** お知らせ */
    NOTICE,
    /** 募集 */
    RECRUITMENT,
    /** イベント */
    EVENT,
    /** 報告 */
    REPORT,
    /** 災害・緊急 */
    URGENT
}
