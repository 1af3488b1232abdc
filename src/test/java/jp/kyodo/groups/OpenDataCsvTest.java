package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDataCsvTest {

    @Test
    void valuesAreQuotedAndQuotesDoubled() {
        assertThat(OpenDataController.row(List.of("子育て\"ひまわり\"", "a,b", "改行\nあり")))
                .isEqualTo("\"子育て\"\"ひまわり\"\"\",\"a,b\",\"改行\nあり\"\r\n");
    }

    @Test
    void textThatExcelWouldRunAsAFormulaIsDefused() {
        assertThat(OpenDataController.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(OpenDataController.cell("+81")).isEqualTo("\"'+81\"");
        assertThat(OpenDataController.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(OpenDataController.cell("0495-25-1111")).isEqualTo("\"0495-25-1111\"");
    }
}
