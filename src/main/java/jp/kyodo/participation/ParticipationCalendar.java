package jp.kyodo.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.shared.CityProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participation calendar: public comment periods, calls for public members and workshops in one list, by month
 * on the page and as an iCalendar feed residents can subscribe to.
 */
@Service
class ParticipationCalendar {

    enum Kind { COMMENT, CALL, WORKSHOP }

    /** One entry: a period (all day, first to last inclusive) or, for a workshop, a start and end time. */
    record Entry(Kind kind, long id, String title, LocalDate first, LocalDate last, LocalDateTime start, LocalDateTime end, String place,
                 String path, String state) {

        public boolean cancelled() {
            return state.endsWith(".CANCELLED");
        }

        public boolean timed() {
            return start != null;
        }
    }

    private final PublicComments comments;
    private final Councils councils;
    private final Workshops workshops;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;

    ParticipationCalendar(PublicComments comments, Councils councils, Workshops workshops, Clock clock, CityProfile city, PortalUrls links) {
        this.comments = comments;
        this.councils = councils;
        this.workshops = workshops;
        this.clock = clock;
        this.city = city;
        this.links = links;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    /** Every published entry, in date order. */
    @Transactional(readOnly = true)
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (PublicComments.Procedure p : comments.publicList()) {
            all.add(new Entry(Kind.COMMENT, p.id(), p.title(), p.opensOn(), p.closesOn(), null, null, p.paperCopies(),
                    "/participation/comments/" + p.id(), "pc.phase." + p.phase()));
        }
        for (Councils.Call c : councils.publishedCalls()) {
            all.add(new Entry(Kind.CALL, c.id(), c.councilName(), c.opensOn(), c.closesOn(), null, null, null,
                    "/participation/councils/calls/" + c.id(), "council.phase." + c.phase()));
        }
        for (Workshops.Workshop w : workshops.publicList()) {
            all.add(new Entry(Kind.WORKSHOP, w.id(), w.title(), w.heldOn(), w.heldOn(), w.heldOn().atTime(w.startsAt()), w.heldOn().atTime(w.endsAt()),
                    w.place(), "/participation/workshops/" + w.id(), "ws.phase." + w.phase()));
        }
        all.sort(Comparator.comparing(Entry::first).thenComparing(Entry::kind).thenComparing(Entry::id));
        return all;
    }

    /** Entries overlapping a month. */
    List<Entry> month(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        return entries().stream().filter(e -> !e.last().isBefore(from) && !e.first().isAfter(to)).toList();
    }

    /** Entries still running or to come, the soonest first. */
    List<Entry> upcoming(int limit) {
        LocalDate today = today();
        return entries().stream().filter(e -> !e.last().isBefore(today)).limit(limit).toList();
    }

    /** The feed: everything that ended less than 90 days ago or is still to come. */
    String ics(java.util.function.Function<Entry, String> title) {
        LocalDate since = today().minusDays(90);
        String host = city.nameEn() == null ? "kyodo" : city.nameEn().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        ICalendar cal = new ICalendar("-//Kyodo//Participation//JA", city.name() + " 市民参画カレンダー", city.zone().getId());
        var stamp = clock.instant();
        for (Entry e : entries()) {
            if (e.last().isBefore(since)) {
                continue;
            }
            String uid = e.kind().name().toLowerCase(Locale.ROOT) + "-" + e.id() + "@kyodo." + host;
            String url = url(e.path());
            if (e.timed()) {
                cal.timed(uid, stamp, e.start().atZone(city.zone()).toInstant(), e.end().atZone(city.zone()).toInstant(), title.apply(e), null,
                        e.place(), url, e.cancelled());
            } else {
                cal.allDay(uid, stamp, e.first(), e.last(), title.apply(e), null, e.place(), url, e.cancelled());
            }
        }
        return cal.end();
    }

    private String url(String path) {
        try {
            return links.link(path);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
