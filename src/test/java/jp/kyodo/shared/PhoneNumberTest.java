package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0495-25-1111 | 0495251111 | 0495-25-1111",
            "０４９５－２５－１１１１ | 0495251111 | 0495-25-1111",
            "0495(25)1111 | 0495251111 | 0495-25-1111",
            "(0495)25-1111 | 0495251111 | 0495-25-1111",
            "０４９５（２５）１１１１ | 0495251111 | 0495-25-1111",
            "0495 25 1111 | 0495251111 | 0495-25-1111",
            "0495ー25ー1111 | 0495251111 | 0495-25-1111",
            "0495−25−1111 | 0495251111 | 0495-25-1111",
            "0495‐25‐1111 | 0495251111 | 0495-25-1111",
            "03-1234-5678 | 0312345678 | 03-1234-5678",
            "090-1234-5678 | 09012345678 | 090-1234-5678",
            "'  048 - 123 - 4567 ' | 0481234567 | 048-123-4567"
    })
    void keepsTheUsersGroupingWithHyphens(String text, String digits, String display) {
        PhoneNumber number = PhoneNumber.parse(text);

        assertThat(number.digits()).isEqualTo(digits);
        assertThat(number.format()).isEqualTo(display);
        assertThat(number).hasToString(display);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+81 495-25-1111 | 0495251111 | 0495-25-1111",
            "＋８１ ４９５－２５－１１１１ | 0495251111 | 0495-25-1111",
            "+81 (0)495-25-1111 | 0495251111 | 0495-25-1111",
            "+81-90-1234-5678 | 09012345678 | 090-1234-5678",
            "+819012345678 | 09012345678 | 090-1234-5678",
            "+81 3 1234 5678 | 0312345678 | 03-1234-5678"
    })
    void convertsInternationalFormToDomestic(String text, String digits, String display) {
        PhoneNumber number = PhoneNumber.parse(text);

        assertThat(number.digits()).isEqualTo(digits);
        assertThat(number.display()).isEqualTo(display);
    }

    @ParameterizedTest
    @CsvSource({
            "09012345678, 090-1234-5678",
            "08012345678, 080-1234-5678",
            "07012345678, 070-1234-5678",
            "05012345678, 050-1234-5678",
            "０９０１２３４５６７８, 090-1234-5678",
            "0120123456, 0120-123-456",
            "0570123456, 0570-123-456",
            "08001234567, 0800-123-4567",
            "0495251111, 0495251111",
            "0312345678, 0312345678",
            "02012345678, 02012345678"
    })
    void groupsBareDigitsOnlyWhereTheFormatIsFixed(String text, String display) {
        assertThat(PhoneNumber.parse(text).display()).isEqualTo(display);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "495-25-1111", "0495-25-111", "090-1234-56789", "0495-25-1111 内線123", "0495-25-1111(代表)",
            "TEL 0495-25-1111", "abc", "--", "+81 0495-25-1111", "+1 555 123 4567", "0495.25.1111", "   "
    })
    void rejectsWhatIsNotATenOrElevenDigitDomesticNumber(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse(text));
    }

    @Test
    void constructorRequiresDisplayToMatchDigits() {
        assertThat(new PhoneNumber("0495251111", "0495-25-1111").display()).isEqualTo("0495-25-1111");
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("0495251111", "0495-25-1112"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("0495251111", "0495--251111"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("0495251111", "-0495251111"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("495251111", "495251111"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("0495251111", null));
    }

    @Test
    void sameNumberTypedDifferentlyHasEqualDigits() {
        PhoneNumber hyphenated = PhoneNumber.parse("0495-25-1111");
        PhoneNumber parenthesised = PhoneNumber.parse("0495(25)1111");
        PhoneNumber bare = PhoneNumber.parse("0495251111");

        assertThat(parenthesised).isEqualTo(hyphenated);
        assertThat(bare.digits()).isEqualTo(hyphenated.digits());
        assertThat(bare).isNotEqualTo(hyphenated);
    }
}
