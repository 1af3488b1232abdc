package jp.kyodo.volunteering;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.PublicEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dates of published volunteer opportunities, for the open data events list. */
@Component
public class VolunteeringEvents {

    private final Opportunities opportunities;

    VolunteeringEvents(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    /** One event per date of every published opportunity still to come; the organiser is the group (no applicant data). */
    @Transactional(readOnly = true)
    public List<PublicEvent> events() {
        List<PublicEvent> events = new ArrayList<>();
        for (Opportunities.Opportunity o : opportunities.publicList(new Opportunities.Filter(null, null, null, null, null, false, false, false))) {
            for (Opportunities.Shift s : o.shifts()) {
                events.add(new PublicEvent("volunteer-" + o.id() + "-" + s.id(), "volunteer", "ボランティア募集: " + o.title(), s.heldOn(),
                        s.heldOn(), s.startsAt(), s.endsAt(), false, o.place(), o.description(), null, o.groupName(), false,
                        "/volunteering/" + o.id(), null));
            }
        }
        return events;
    }
}
