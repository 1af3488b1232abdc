package jp.kyodo.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.shared.PersonalDataSection;
import jp.kyodo.shared.PersonalDataSubject;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Notices, notice settings and follows, and the mails sent to the person. On deletion all of it goes. */
@Component
@Order(10)
class NoticePersonalData implements PersonalDataSection {

    private final JdbcClient jdbc;

    NoticePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public Set<String> tables() {
        return Set.of("notice", "notice_preference", "notice_follow", "notice_digest", "mail_outbox");
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(PersonalDataSubject person) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("notice", Rows.query(jdbc, "select kind, title, body, link, created_at, read_at from notice where account_id = :id order by created_at", person));
        out.put("notice_preference", Rows.query(jdbc, "select kind, delivery from notice_preference where account_id = :id order by kind", person));
        out.put("notice_follow", Rows.query(jdbc, "select topic, created_at from notice_follow where account_id = :id order by created_at", person));
        out.put("notice_digest", Rows.query(jdbc, "select day, notices, sent_at from notice_digest where account_id = :id order by day", person));
        out.put("mail_outbox", Rows.query(jdbc, """
                select recipient, subject, body, status, created_at, sent_at from mail_outbox
                where lower(recipient) = lower(:email) order by created_at""", person));
        return out;
    }

    @Override
    public void forget(PersonalDataSubject person) {
        for (String table : List.of("notice", "notice_preference", "notice_follow", "notice_digest")) {
            Rows.update(jdbc, "delete from " + table + " where account_id = :id", person);
        }
        Rows.update(jdbc, "delete from mail_outbox where lower(recipient) = lower(:email)", person);
        // Mails to others (staff told of the person's application) keep their text without the person's name and address.
        Rows.update(jdbc, "update mail_outbox set subject = " + Rows.scrubbed("subject") + ", body = " + Rows.scrubbed("body")
                + " where " + Rows.mentions("subject") + " or " + Rows.mentions("body"), person);
    }
}
