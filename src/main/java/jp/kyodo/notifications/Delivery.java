package jp.kyodo.notifications;

/** How a person is mailed about one kind of notice. Labels are {@code notice.delivery.<NAME>}. */
enum Delivery {
    /** A mail for each notice as it is created. */
    IMMEDIATE,
    /** One mail a day listing the day's unread notices of the kinds so chosen. */
    DIGEST,
    /** No mail: the notice is in the portal's notification centre only. */
    NONE
}
