package jp.kyodo.training;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.PublicEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sessions of published courses, for the open data events list. */
@Component
public class TrainingEvents {

    private final Courses courses;

    TrainingEvents(Courses courses) {
        this.courses = courses;
    }

    /** One event per session of every published course (no registrant data). */
    @Transactional(readOnly = true)
    public List<PublicEvent> events() {
        List<PublicEvent> events = new ArrayList<>();
        for (Courses.Course c : courses.publicList()) {
            String fee = c.fee() == 0 ? "無料" : String.format("%,d円", c.fee());
            for (Courses.Session s : c.sessions()) {
                String title = c.sessions().size() > 1 ? c.title() + "(第" + s.number() + "回)" : c.title();
                events.add(new PublicEvent("course-" + c.id() + "-" + s.number(), "course", title, s.heldOn(), s.heldOn(), s.startsAt(),
                        s.endsAt(), false, c.place(), s.topic() == null || s.topic().isBlank() ? c.description() : s.topic(), fee,
                        c.departmentName(), true, "/training/courses/" + c.id(), null));
            }
        }
        return events;
    }
}
