package jp.kyodo.notifications;

/**
 * The kinds of notice a person receives; each person chooses per kind how to be mailed about it. Their labels are
 * {@code notice.kind.<NAME>} in the bundle.
 */
public enum NoticeKind {
    /** 団体の手続き: the registry's procedures. */
    REGISTRY,
    /** 協働事業: calls, themes, proposals and screening results. */
    COLLABORATION,
    /** 後援・補助金. */
    SUPPORT,
    /** 市政への参加: public comment, councils, workshops. */
    PARTICIPATION,
    /** 講座・センター. */
    TRAINING,
    /** ボランティア・社会貢献. */
    VOLUNTEERING;

    /** How a person who never chose is mailed: every kind at once, as the portal's mail did before choices existed. */
    Delivery defaultDelivery() {
        return Delivery.IMMEDIATE;
    }
}
