package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "367-8501", "3678501", "〒367-8501", "〒 367-8501", " 367-8501\u3000",
            "３６７－８５０１", "３６７８５０１", "〒３６７－８５０１", "〶367-8501",
            "367ー8501", "367ｰ8501", "367‐8501", "367‑8501", "367−8501", "367–8501", "367—8501", "367―8501"
    })
    void parsesCommonSpellings(String text) {
        PostalCode code = PostalCode.parse(text);

        assertThat(code.value()).isEqualTo("3678501");
        assertThat(code.format()).isEqualTo("367-8501");
        assertThat(code).hasToString("367-8501").isEqualTo(new PostalCode("3678501"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "367-850", "36785011", "36-78501", "367--8501", "367-8501-", "367 8501", "〒〒367-8501",
            "367-850a", "abc-defg", "郵便番号367-8501", "   "
    })
    void rejectsAnythingButThreePlusFourDigits(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PostalCode.parse(text));
    }

    @Test
    void constructorAcceptsOnlySevenHalfWidthDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PostalCode("367-8501"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PostalCode("３６７８５０１"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PostalCode(null));
    }
}
