package jp.kyodo.volunteering;

/** What a group needs. */
enum NeedKind {
    VENUE, PRINTING, EXPERTISE, FUNDS, GOODS, VOLUNTEERS, OTHER
}
