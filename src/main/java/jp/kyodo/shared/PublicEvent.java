package jp.kyodo.shared;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A dated public occasion (a workshop, a course session, a comment period, a council meeting, a volunteer shift) as a
 * module publishes it for the events list of the open data. Public information only: the organiser is the city's
 * division or a group's name, never a private person.
 *
 * @param id          unique across kinds, e.g. {@code "workshop-12"}
 * @param kind        short kind name, e.g. {@code "workshop"}
 * @param title       the event's name
 * @param startDate   first day
 * @param endDate     last day (the first day for a one-day event)
 * @param startTime   start time, or {@code null} when the event has none (a period) or it is not published
 * @param endTime     end time, or {@code null}
 * @param allDay      whether the event runs for whole days (e.g. a comment period)
 * @param place       where, or {@code null}
 * @param description what it is, in a few sentences
 * @param fee         the basic fee as shown (e.g. "無料", "500円"), or {@code null}
 * @param organiser   the organiser's public name: a city department or a registered group
 * @param byCity      whether the city organises it (its public office number may then be given)
 * @param path        the public page, e.g. {@code "/participation/workshops/12"}
 * @param note        a remark (e.g. cancelled), or {@code null}
 */
public record PublicEvent(String id, String kind, String title, LocalDate startDate, LocalDate endDate, LocalTime startTime,
                          LocalTime endTime, boolean allDay, String place, String description, String fee, String organiser,
                          boolean byCity, String path, String note) {
}
