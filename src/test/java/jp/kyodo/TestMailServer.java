package jp.kyodo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A real SMTP server (GreenMail) on a free port for the portal's mail in tests. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return greenMail;
    }

    @Bean
    DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
        return registry -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    /** Waits for the newest mail to an address whose subject contains the given text, and returns its text. */
    public static String awaitMail(GreenMail greenMail, String recipient, String subjectContains) {
        return awaitMail(greenMail, recipient, subjectContains, 1);
    }

    /** Waits until at least {@code count} such mails have arrived, and returns the text of the newest. */
    public static String awaitMail(GreenMail greenMail, String recipient, String subjectContains, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> to(m).equalsIgnoreCase(recipient) && subject(m).contains(subjectContains))
                    .toList();
            if (found.size() >= count) {
                return body(found.getLast());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail to " + recipient + " about '" + subjectContains + "' within 20 seconds");
    }

    /** How many mails have arrived for an address whose subject contains the given text ("" for all). */
    public static long count(GreenMail greenMail, String recipient, String subjectContains) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> to(m).equalsIgnoreCase(recipient) && subject(m).contains(subjectContains)).count();
    }

    /** The first link in a mail's text. */
    public static String firstLink(String body) {
        Matcher m = URL.matcher(body);
        if (!m.find()) {
            throw new AssertionError("No link in the mail:\n" + body);
        }
        return m.group();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
