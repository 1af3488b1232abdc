package jp.kyodo.notifications;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailOutboxIntegrationTest {

    @Autowired MailOutbox outbox;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;

    @Test
    void aQueuedMailIsDeliveredOverSmtpAfterCommit() {
        String to = "outbox-" + UUID.randomUUID() + "@example.jp";
        outbox.send(to, "passwordChanged", Locale.JAPANESE, "配信 太郎");
        String body = awaitMail(greenMail, to, "パスワードを変更しました");
        assertThat(body).contains("配信 太郎 様").contains("市民活動推進課").contains("0495-25-1111");
        // The sender records the delivery in its own transaction just after the SMTP server accepted the mail.
        OutboxMessage sent = sentTo(to);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void aMailQueuedInARolledBackTransactionIsNeverSent() throws Exception {
        String to = "rollback-" + UUID.randomUUID() + "@example.jp";
        String control = "control-" + UUID.randomUUID() + "@example.jp";
        tx.executeWithoutResult(status -> {
            outbox.queue(to, "取り消されたメール", "本文");
            status.setRollbackOnly();
        });
        // A mail committed afterwards arrives; by then the rolled-back one would have too.
        outbox.queue(control, "確認用のメール", "本文");
        awaitMail(greenMail, control, "確認用のメール");
        assertThat(outbox.search(null, to, Pageable.unpaged())).isEmpty();
        assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).doesNotContain(to);
    }

    @Test
    void anUnreachableServerIsRetriedWithBackoffThenGivenUp() throws Exception {
        String to = "down-" + UUID.randomUUID() + "@example.jp";
        // The mail is due only a day from now, so the portal's own sender leaves it alone, while this sender
        // (whose clock runs two days ahead) sends it to a port where no server listens.
        long id = tx.execute(status -> {
            outbox.queue(to, "再送テスト", "本文");
            long queued = outbox.search(null, to, Pageable.unpaged()).getContent().getFirst().id();
            jdbc.sql("update mail_outbox set next_attempt_at = now() + interval '1 day' where id = :id").param("id", queued).update();
            return queued;
        });
        awaitNothingDueButThis(id);

        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort());
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
        OutboxSender sender = new OutboxSender(provider(unreachable), jdbc, tx, ahead, "no-reply@example.jp", 2);
        sender.sendDue();

        OutboxMessage first = outbox.find(id).orElseThrow();
        assertThat(first.status()).isEqualTo(MailStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isNotBlank();
        Boolean later = jdbc.sql("select next_attempt_at > now() + interval '2 days' from mail_outbox where id = :id")
                .param("id", id).query(Boolean.class).single();
        assertThat(later).as("the next attempt waits for the back-off").isTrue();
        sender.sendDue();
        assertThat(outbox.find(id).orElseThrow().attempts()).as("not due again before the back-off").isEqualTo(1);

        jdbc.sql("update mail_outbox set next_attempt_at = now() + interval '1 day' where id = :id").param("id", id).update();
        sender.sendDue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(MailStatus.FAILED);

        outbox.retry(id);
        assertThat(awaitMail(greenMail, to, "再送テスト")).contains("本文");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.backoff(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void administratorsReadMailsAndFollowTheirLinks() throws Exception {
        String to = "admin-view-" + UUID.randomUUID() + "@example.jp";
        outbox.queue(to, "リンクのあるメール", "次のリンクを開いてください。\nhttp://localhost:8080/signup/verify?token=abc\n");
        long id = outbox.search(null, to, Pageable.unpaged()).getContent().getFirst().id();
        mvc.perform(get("/admin/mails").param("recipient", to).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("リンクのあるメール")));
        // With an SMTP server configured (as here), the outbox never shows a live token.
        mvc.perform(get("/admin/mails/" + id).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("token=********")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("token=abc"))));
        assertThat(new OutboxMessage(id, to, "s", "http://localhost:8080/signup/verify?token=abc", MailStatus.PENDING, 0, null, null, null)
                .links()).containsExactly("http://localhost:8080/signup/verify?token=abc");
        mvc.perform(get("/admin/mails/" + id).with(user("someone").roles("RESIDENT")))
                .andExpect(status().isForbidden());
    }

    /** Other tests' mails would reach the unreachable server too: wait until the portal has sent them. */
    private void awaitNothingDueButThis(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Integer due = jdbc.sql("select count(*) from mail_outbox where status = 'PENDING' and id <> :id "
                    + "and next_attempt_at <= now() + interval '2 days'").param("id", id).query(Integer.class).single();
            if (due == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The portal's sender did not empty the outbox");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject(Object... args) {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }

            @Override
            public JavaMailSender getObject() {
                return sender;
            }
        };
    }

    private OutboxMessage sentTo(String to) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)) {
            var sent = outbox.search(MailStatus.SENT, to, Pageable.unpaged()).getContent();
            if (!sent.isEmpty()) {
                return sent.getFirst();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The outbox never recorded the mail to " + to + " as sent");
    }
}
