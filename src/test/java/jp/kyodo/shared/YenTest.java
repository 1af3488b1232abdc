package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YenTest {

    @Test
    void amountsAsPeopleTypeThem() {
        assertThat(Yen.parse("12000")).isEqualTo(12_000);
        assertThat(Yen.parse("１２，０００円")).isEqualTo(12_000);
        assertThat(Yen.parse("¥1,234,567")).isEqualTo(1_234_567);
        assertThat(Yen.parse(" 500 円 ")).isEqualTo(500);
        assertThat(Yen.parse("0")).isZero();
    }

    @Test
    void whatIsNotAnAmountIsRefusedWithItsReason() {
        assertThatThrownBy(() -> Yen.parse("-500")).hasMessage("negative");
        assertThatThrownBy(() -> Yen.parse("▲500")).hasMessage("negative");
        assertThatThrownBy(() -> Yen.parse("三万円")).hasMessage("notNumber");
        assertThatThrownBy(() -> Yen.parse("12.5")).hasMessage("notNumber");
        assertThatThrownBy(() -> Yen.parse("５０万")).hasMessage("notNumber");
        assertThatThrownBy(() -> Yen.parse("")).hasMessage("blank");
        assertThatThrownBy(() -> Yen.parse("99999999999")).hasMessage("tooLarge");
    }

    @Test
    void formatsWithSeparatorsAndTheYenSign() {
        assertThat(Yen.format(1_234_567)).isEqualTo("1,234,567円");
        assertThat(Yen.format(0)).isEqualTo("0円");
    }
}
