package jp.kyodo.participation;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.PublicEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dated public occasions of citizen participation, for the open data events list: workshops, comment periods, council meetings. */
@Component
public class ParticipationEvents {

    private final Workshops workshops;
    private final PublicComments comments;
    private final Councils councils;

    ParticipationEvents(Workshops workshops, PublicComments comments, Councils councils) {
        this.workshops = workshops;
        this.comments = comments;
        this.councils = councils;
    }

    /** Every published workshop, public comment period and council meeting (no registrant, commenter or applicant data). */
    @Transactional(readOnly = true)
    public List<PublicEvent> events() {
        List<PublicEvent> events = new ArrayList<>();
        for (Workshops.Workshop w : workshops.publicList()) {
            events.add(new PublicEvent("workshop-" + w.id(), "workshop", w.title(), w.heldOn(), w.heldOn(), w.startsAt(), w.endsAt(), false,
                    w.place(), w.theme(), null, w.departmentName(), true, "/participation/workshops/" + w.id(),
                    w.status() == Workshops.Status.CANCELLED ? "中止" : null));
        }
        for (PublicComments.Procedure p : comments.publicList()) {
            events.add(new PublicEvent("public-comment-" + p.id(), "public-comment", "意見募集: " + p.title(), p.opensOn(), p.closesOn(),
                    null, null, true, null, p.purpose(), null, p.departmentName(), true, "/participation/comments/" + p.id(), null));
        }
        List<Councils.Council> all = councils.councils();
        java.util.Map<Long, List<Councils.Meeting>> meetings = councils.meetingsOf(all.stream().map(Councils.Council::id).toList());
        for (Councils.Council c : all) {
            for (Councils.Meeting m : meetings.getOrDefault(c.id(), List.of())) {
                events.add(new PublicEvent("council-meeting-" + m.id(), "council-meeting", c.name() + " " + m.title(), m.heldOn(), m.heldOn(),
                        null, null, false, m.place(), c.purpose(), null, c.departmentName(), true, "/participation/councils/" + c.id(), null));
            }
        }
        return events;
    }
}
