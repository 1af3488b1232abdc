package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codes of RFC 6238's test vectors (SHA-1, last six digits), and what a typed code may look like. */
class TotpTest {

    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesMatchTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedNearItsTimeOnceAndAsPeopleTypeIt() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET, step);
        assertThat(Totp.verify(RFC_SECRET, code, now, null)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, "０８１ ８０４", now, null)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, code, now.plusSeconds(30), null)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, code, now.plusSeconds(90), null)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, code, now, step)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "08180", now, null)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "<script>", now, null)).isEmpty();
    }

    @Test
    void secretsAreBase32AndRoundTrip() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.base32(Totp.decode(secret))).isEqualTo(secret);
        assertThat(Totp.uri("本庄市 市民協働ポータル", "staff@example.jp", secret))
                .startsWith("otpauth://totp/").contains("secret=" + secret).contains("issuer=");
    }
}
