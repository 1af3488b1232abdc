package jp.kyodo.centre;

import jp.kyodo.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning: reminders before the payment deadline, and unpaid bookings cancelled after it. */
@Component
class BookingJobs {

    private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

    private final Bookings bookings;
    private final ClusterJobs jobs;

    BookingJobs(Bookings bookings, ClusterJobs jobs) {
        this.bookings = bookings;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${kyodo.centre.payment-cron:0 20 7 * * *}", zone = "${kyodo.city.zone}")
    void daily() {
        jobs.runOnce("centre.unpaid-bookings", this::processUnpaid);
    }

    private void processUnpaid() {
        Bookings.UnpaidRun run = bookings.processUnpaid(bookings.today());
        if (run.reminded() + run.expired() > 0) {
            log.info("Centre bookings: {} payment reminders, {} unpaid bookings cancelled", run.reminded(), run.expired());
        }
    }
}
