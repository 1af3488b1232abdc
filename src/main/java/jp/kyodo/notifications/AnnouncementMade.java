package jp.kyodo.notifications;

/**
 * An announcement as it travels from the announcing transaction to the fan-out, through the event publication
 * registry; {@code mailBase} is the portal's address as known when it was announced (for links in e-mail), or empty.
 */
record AnnouncementMade(Announcement announcement, String mailBase) {
}
