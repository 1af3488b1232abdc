package jp.kyodo.centre;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The centre's rules, with Honjo's defaults (はにぽんプラザ) in application.yml.
 *
 * @param name                  the centre's name
 * @param nameEn                its English name
 * @param opens                 the first hour that may be booked
 * @param closes                when the last booking ends
 * @param closedFrom            the first day of the year-end closure (--MM-DD)
 * @param closedUntil           its last day, in the next year when before closedFrom (--MM-DD)
 * @param maxHours              the longest booking, in hours (the shortest is one hour)
 * @param groupAdvanceMonths    how far ahead a registered group may book
 * @param otherAdvanceMonths    how far ahead anyone else may book
 * @param maxBookingsPerMonth   live bookings per booker (a group, or a person booking for themself) in one calendar month
 * @param paymentDays           the fee is due this many days after booking ...
 * @param paymentDaysBeforeUse  ... or this many days before the day of use, whichever is earlier
 * @param reminderDays          the reminder is mailed this many days before the payment deadline
 * @param cancelDaysBeforeUse   a booker may cancel online until this many days before the day of use; later only at the counter
 */
@ConfigurationProperties("kyodo.centre")
record CentreSettings(@DefaultValue("はにぽんプラザ(本庄市市民活動交流センター)") String name,
                      @DefaultValue("Hanipon Plaza (Honjo Civic Activity Centre)") String nameEn,
                      @DefaultValue("09:00") LocalTime opens, @DefaultValue("22:00") LocalTime closes,
                      @DefaultValue("--12-29") String closedFrom, @DefaultValue("--01-03") String closedUntil,
                      @DefaultValue("4") int maxHours, @DefaultValue("4") int groupAdvanceMonths, @DefaultValue("1") int otherAdvanceMonths,
                      @DefaultValue("8") int maxBookingsPerMonth, @DefaultValue("7") int paymentDays,
                      @DefaultValue("3") int paymentDaysBeforeUse, @DefaultValue("2") int reminderDays,
                      @DefaultValue("3") int cancelDaysBeforeUse) {

    CentreSettings {
        if (!closes.isAfter(opens) || opens.getMinute() != 0 || closes.getMinute() != 0) {
            throw new IllegalArgumentException("kyodo.centre.opens and closes must be whole hours, opens before closes");
        }
        MonthDay.parse(closedFrom);
        MonthDay.parse(closedUntil);
        if (maxHours < 1 || groupAdvanceMonths < 1 || otherAdvanceMonths < 1 || maxBookingsPerMonth < 1) {
            throw new IllegalArgumentException("kyodo.centre limits must be positive");
        }
    }

    /** Whether the centre is closed on the day (the year-end closure, e.g. 29 December to 3 January). */
    public boolean closedOn(LocalDate day) {
        MonthDay d = MonthDay.from(day);
        MonthDay from = MonthDay.parse(closedFrom);
        MonthDay until = MonthDay.parse(closedUntil);
        if (!until.isBefore(from)) {
            return !d.isBefore(from) && !d.isAfter(until);
        }
        return !d.isBefore(from) || !d.isAfter(until);
    }

    public MonthDay closedFromDay() {
        return MonthDay.parse(closedFrom);
    }

    public MonthDay closedUntilDay() {
        return MonthDay.parse(closedUntil);
    }

    public int openingHour() {
        return opens.getHour();
    }

    public int closingHour() {
        return closes.getHour();
    }
}
