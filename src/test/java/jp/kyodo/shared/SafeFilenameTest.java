package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uploaded file names are kept and sent back without what could climb directories, end a header or disguise a type. */
class SafeFilenameTest {

    @Test
    void pathsQuotesControlsAndDirectionOverridesAreReplaced() {
        assertThat(FileTypes.safeFilename("../../etc/passwd", "file")).isEqualTo(".._.._etc_passwd");
        assertThat(FileTypes.safeFilename("..\\win.ini", "file")).isEqualTo(".._win.ini");
        assertThat(FileTypes.safeFilename("a\"; filename=x.html\r\nX-Injected: 1.pdf", "file"))
                .isEqualTo("a_; filename=x.html__X-Injected: 1.pdf");
        assertThat(FileTypes.safeFilename("before\0after.pdf", "file")).isEqualTo("before_after.pdf");
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a right-to-left override.
        assertThat(FileTypes.safeFilename("invoice\u202Efdp.exe", "file")).isEqualTo("invoice_fdp.exe");
        assertThat(FileTypes.safeFilename("報告書\u2066令和8年\u2069.pdf", "file")).isEqualTo("報告書_令和8年_.pdf");
    }

    @Test
    void japaneseNamesStayAndEmptyOnesGetTheFallback() {
        assertThat(FileTypes.safeFilename("会則(令和8年度).pdf", "file")).isEqualTo("会則(令和8年度).pdf");
        assertThat(FileTypes.safeFilename("   ", "document")).isEqualTo("document");
        assertThat(FileTypes.safeFilename(null, "photo")).isEqualTo("photo");
        assertThat(FileTypes.safeFilename("あ".repeat(300) + ".pdf", "file")).hasSize(200);
    }
}
