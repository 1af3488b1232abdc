package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ＡＢＣｘｙｚ０１２３ | ABCxyz0123",
            "！＃＄％＆（）＠－ | !#$%&()@-",
            "ﾎﾝｼﾞｮｳ ﾀﾛｳ | ホンジョウ タロウ",
            "ｶﾞｷﾞｸﾞｹﾞｺﾞ | ガギグゲゴ",
            "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ | パピプペポ",
            "ｳﾞｧｲｵﾘﾝ | ヴァイオリン",
            "ｾﾝﾀｰ･ﾋﾞﾙ｡ | センター・ビル。",
            "'\u3000本庄市\u3000役所\u3000' | 本庄市 役所",
            "ほんじょう市役所 | ほんじょう市役所",
            "か゛は゜ﾎ゛ | がぱボ",
            "①㈱ | 1(株)"
    })
    void normalizesWidthAndComposesSoundMarks(String input, String expected) {
        assertThat(TextNormalizer.normalizeWidth(input)).isEqualTo(expected);
    }

    @Test
    void keepsCompatibilityIdeographsInNamesButFoldsThemForSearch() {
        String variant = "\ufa19田";
        String unified = "\u795e田";

        assertThat(TextNormalizer.normalizeWidth("ﾎﾝｼﾞｮｳ" + variant + "１")).isEqualTo("ホンジョウ" + variant + "1");
        assertThat(TextNormalizer.searchKey(variant)).isEqualTo(TextNormalizer.searchKey(unified));
    }

    @Test
    void convertsHiraganaToKatakanaAndBack() {
        assertThat(TextNormalizer.toKatakana("ほんじょう たろう")).isEqualTo("ホンジョウ タロウ");
        assertThat(TextNormalizer.toKatakana("ぁゔゕゖゝゞ")).isEqualTo("ァヴヵヶヽヾ");
        assertThat(TextNormalizer.toKatakana("本庄ABCー・ホ")).isEqualTo("本庄ABCー・ホ");

        assertThat(TextNormalizer.toHiragana("ホンジョウ タロウ")).isEqualTo("ほんじょう たろう");
        assertThat(TextNormalizer.toHiragana("ァヴヵヶヽヾ")).isEqualTo("ぁゔゕゖゝゞ");
        assertThat(TextNormalizer.toHiragana("ヷーｶ本")).isEqualTo("ヷーｶ本");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ほんじょう　たろう | ホンジョウ　タロウ",
            "ﾎﾝｼﾞｮｳ ﾀﾛｳ | ホンジョウ　タロウ",
            "'  やまだ   \u3000 はなこ  ' | ヤマダ　ハナコ",
            "ジョン・スミス | ジョン・スミス"
    })
    void furiganaIsFullWidthKatakanaWithSingleFullWidthSpaces(String input, String expected) {
        String reading = TextNormalizer.furigana(input);

        assertThat(reading).isEqualTo(expected);
        assertThat(TextNormalizer.isKatakanaReading(reading)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ホンジョウ　タロウ", "ヤマダ ハナコ", "ジョン・スミス", "ヴァレリー"})
    void acceptsKatakanaReadings(String text) {
        assertThat(TextNormalizer.isKatakanaReading(text)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ほんじょう", "本庄", "ﾎﾝｼﾞｮｳ", "ホンジョウ1", "Honjo", "\u3000", "ー・"})
    void rejectsNonKatakanaReadings(String text) {
        assertThat(TextNormalizer.isKatakanaReading(text)).isFalse();
    }

    @Test
    void searchKeyTreatsWidthCaseAndKanaAlike() {
        String key = TextNormalizer.searchKey("ホンジョウ");

        assertThat(TextNormalizer.searchKey("ほんじょう")).isEqualTo(key);
        assertThat(TextNormalizer.searchKey("ﾎﾝｼﾞｮｳ")).isEqualTo(key);
        assertThat(TextNormalizer.searchKey("ＡＢＣ")).isEqualTo("abc");
        assertThat(TextNormalizer.searchKey("  Honjo\u3000\u3000City  ")).isEqualTo("honjo city");
        assertThat(TextNormalizer.searchKey("本庄 ｼﾃｨ")).isEqualTo(TextNormalizer.searchKey("本庄　してぃ"));
    }

    @Test
    void normalizesEmailAddressesTypedInFullWidth() {
        assertThat(TextNormalizer.emailAddress("\u3000Ｔａｒｏ．Ｙａｍａｄａ＠Ｅｘａｍｐｌｅ．ｊｐ "))
                .isEqualTo("taro.yamada@example.jp");
        assertThat(TextNormalizer.emailAddress("hanako_1+kyodo@city.honjo.lg.jp"))
                .isEqualTo("hanako_1+kyodo@city.honjo.lg.jp");
    }

    @Test
    void passesNullThroughForOptionalFields() {
        assertThat(TextNormalizer.normalizeWidth(null)).isNull();
        assertThat(TextNormalizer.toKatakana(null)).isNull();
        assertThat(TextNormalizer.toHiragana(null)).isNull();
        assertThat(TextNormalizer.furigana(null)).isNull();
        assertThat(TextNormalizer.searchKey(null)).isNull();
        assertThat(TextNormalizer.emailAddress(null)).isNull();
    }
}
