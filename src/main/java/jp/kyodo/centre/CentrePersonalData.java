package jp.kyodo.centre;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Room bookings and advisor requests. Bookings are the city's fee records and stay, without the booker's name; a
 * deleted person's unpaid future bookings are cancelled so that the room is free again.
 */
@Component
@Order(10)
class CentrePersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    CentrePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "centre";
    }

    @Override
    public Set<String> tables() {
        return Set.of("centre_booking", "centre_advisor_request");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("centre_booking", Rows.query(jdbc, """
                select b.id, r.name as room, b.starts_at, b.ends_at, b.group_id, b.booker_name, b.purpose, b.people, b.fee,
                       b.status, b.payment_due_on, b.paid_amount, b.paid_on, b.cancelled_at, b.cancel_reason, b.created_at
                from centre_booking b join centre_room r on r.id = b.room_id where b.account_id = :id order by b.starts_at""", person));
        out.put("centre_advisor_request", Rows.query(jdbc, """
                select id, group_name, topic, details, preferred_dates, status, scheduled_at, place, decline_reason, advice, created_at
                from centre_advisor_request where requested_by = :id order by created_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        Rows.update(jdbc, """
                update centre_booking set status = 'CANCELLED', cancelled_at = now(), cancel_reason = :label
                where account_id = :id and status = 'BOOKED' and starts_at > now()""", person);
        Rows.update(jdbc, "update centre_booking set booker_name = :label where account_id = :id", person);
        Rows.update(jdbc, """
                update centre_advisor_request set details = %s, preferred_dates = %s
                where requested_by = :id""".formatted(Rows.scrubbed("details"), Rows.scrubbed("preferred_dates")), person);
    }

    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(new RetentionRule("past-bookings", before -> Rows.before(jdbc, """
                update centre_booking set booker_name = :label
                where ends_at < :before and booker_name <> :label and status in ('PAID', 'CANCELLED', 'EXPIRED')""", before)));
    }
}
