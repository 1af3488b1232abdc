package jp.kyodo.notifications;

import java.time.Instant;

/** A notice as its owner reads it. */
record NoticeView(long id, NoticeKind kind, Announcement.News news, String title, String body, String link, Instant createdAt,
                  Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
