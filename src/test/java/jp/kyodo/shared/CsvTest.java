package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void valuesAreQuotedAndQuotesDoubled() {
        assertThat(Csv.row(List.of("子育て\"ひまわり\"", "a,b", "改行\nあり")))
                .isEqualTo("\"子育て\"\"ひまわり\"\"\",\"a,b\",\"改行\nあり\"\r\n");
    }

    @Test
    void textThatExcelWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+81")).isEqualTo("\"'+81\"");
        assertThat(Csv.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(Csv.cell("0495-25-1111")).isEqualTo("\"0495-25-1111\"");
    }
}
