package jp.kyodo.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells followers of an announcement after the announcing transaction has committed, in a transaction of its own. */
@Component
class AnnouncementFanOut {

    private final Notices notices;

    AnnouncementFanOut(Notices notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(Announcement announcement) {
        notices.fanOut(announcement);
    }
}
