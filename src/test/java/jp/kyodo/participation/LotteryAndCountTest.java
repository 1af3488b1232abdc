package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public lottery, checked against SHA-256 computed with another tool, and the essay's character count. */
class LotteryAndCountTest {

    static final String SEED = "2026-12-01 本庄市公募委員抽選";

    @Test
    void theDrawIsReproducibleFromTheSeedAndTheNumbers() {
        // Computed independently: printf '%s' '2026-12-01 本庄市公募委員抽選:A-001' | sha256sum
        assertThat(Lottery.key(SEED, "A-001")).isEqualTo("297e9e0ae0361c952a39c9f46d0653bc832fd16fe51f03fbb49d57e4be641abb");
        List<String> numbers = List.of("A-001", "A-002", "A-003", "A-004", "A-005");
        assertThat(Lottery.draw(SEED, numbers)).extracting(Lottery.Draw::number).containsExactly("A-002", "A-001", "A-003", "A-004", "A-005");
        assertThat(Lottery.winners(SEED, numbers, 2)).containsExactly("A-002", "A-001");
        // The order the numbers are listed in does not matter; the same seed always gives the same draw.
        assertThat(Lottery.winners(SEED, List.of("A-005", "A-004", "A-003", "A-002", "A-001"), 2)).containsExactly("A-002", "A-001");
        assertThat(Lottery.winners(SEED + "!", numbers, 5)).isNotEqualTo(Lottery.winners(SEED, numbers, 5));
        assertThatThrownBy(() -> Lottery.draw(" ", numbers)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void charactersCountAlikeFullWidthAndHalfWidthAndLineBreaksDoNotCount() {
        assertThat(CharacterCount.of("本庄市のまちづくり")).isEqualTo(9);
        assertThat(CharacterCount.of("ABC")).isEqualTo(3);
        assertThat(CharacterCount.of("ＡＢＣ")).isEqualTo(3);
        assertThat(CharacterCount.of("ｱｲｳ")).isEqualTo(3);
        assertThat(CharacterCount.of("あ\nい\r\nう")).isEqualTo(3);
        assertThat(CharacterCount.of("𠮷野家")).isEqualTo(3);
        assertThat(CharacterCount.of("私は、 市民です。")).isEqualTo(9);
        assertThat(CharacterCount.of(null)).isZero();
        assertThat(CharacterCount.of("か\u3099き")).isEqualTo(2);
        assertThat(CharacterCount.of("あ".repeat(800))).isEqualTo(800);
    }
}
