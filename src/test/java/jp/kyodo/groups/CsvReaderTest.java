package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the city's register as Excel saves it. */
class CsvReaderTest {

    private static final String TEXT = "団体名,代表者氏名\r\n髙橋会①,髙橋 ㈱太郎\r\n";

    @Test
    void utf8WithBomIsReadAsUtf8WithoutTheBom() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bytes, 3, body.length);
        CsvReader.Decoded decoded = CsvReader.decode(bytes);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(CsvReader.parse(decoded.text()).getFirst().fields()).containsExactly("団体名", "代表者氏名");
    }

    @Test
    void utf8WithoutBomIsReadAsUtf8() {
        CsvReader.Decoded decoded = CsvReader.decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(TEXT);
    }

    @Test
    void shiftJisAsExcelWritesItKeepsTheVendorCharacters() {
        byte[] bytes = TEXT.getBytes(CsvReader.SHIFT_JIS);
        CsvReader.Decoded decoded = CsvReader.decode(bytes);
        assertThat(decoded.charset()).isEqualTo(CsvReader.SHIFT_JIS);
        assertThat(decoded.text()).isEqualTo(TEXT);
        List<CsvReader.Row> rows = CsvReader.parse(decoded.text());
        assertThat(rows.get(1).fields()).containsExactly("髙橋会①", "髙橋 ㈱太郎");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String csv = "a,b,c\n\"本庄, 児玉\",\"言った\"\"はい\"\"\",\"1行目\r\n2行目\"\n";
        List<CsvReader.Row> rows = CsvReader.parse(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).fields()).containsExactly("本庄, 児玉", "言った\"はい\"", "1行目\r\n2行目");
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @Test
    void crlfAndLfEndLinesAndBlankRowsAreSkippedButCounted() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b\r\n1,2\r\n,\r\n\r\n3,\n4,5");
        assertThat(rows).extracting(CsvReader.Row::number).containsExactly(1, 2, 5, 6);
        assertThat(rows.get(2).fields()).containsExactly("3", "");
        assertThat(rows.get(3).fields()).containsExactly("4", "5");
    }

    @Test
    void emptyQuotedFieldsAndShortRows() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b,c\n\"\",x\n");
        assertThat(rows.get(1).fields()).containsExactly("", "x");
        assertThat(rows.get(1).field(2)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> CsvReader.parse("a\n\"open")).isInstanceOf(CsvReader.MalformedCsvException.class);
    }
}
