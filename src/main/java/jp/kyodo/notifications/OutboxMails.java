package jp.kyodo.notifications;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxMails extends JpaRepository<OutboxMail, Long> {

    @Query("""
            select m from OutboxMail m
            where (:status is null or m.status = :status)
              and (:recipient is null or lower(m.recipient) like :recipient)
            order by m.createdAt desc, m.id desc""")
    Page<OutboxMail> search(@Param("status") MailStatus status, @Param("recipient") String recipient, Pageable pageable);

    @Modifying
    @Query("delete from OutboxMail m where m.status = jp.kyodo.notifications.MailStatus.SENT and m.sentAt < :before")
    int deleteSentBefore(@Param("before") Instant before);
}
