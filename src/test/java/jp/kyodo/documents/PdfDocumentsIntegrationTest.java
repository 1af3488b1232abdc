package jp.kyodo.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A certificate rendered by the running portal, read back with PDFBox as a reader's PDF viewer would read it. */
@IntegrationTest
class PdfDocumentsIntegrationTest {

    private static final String CERTIFICATE = "documents/pdf/test-certificate";
    private static final Locale JAPANESE = Locale.JAPANESE;
    private static final float MM = 72f / 25.4f;

    @Autowired PdfDocuments documents;

    private static Map<String, Object> certificate(String groupName) {
        return Map.of(
                "number", 12,
                "groupName", groupName,
                "representative", "髙﨑 千尋",
                "registeredOn", LocalDate.of(2026, 4, 1),
                "issuedOn", LocalDate.of(2026, 11, 28));
    }

    @Test
    void theJapaneseTextCanBeReadBackFromThePdf() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, certificate("子育てサロンひまわり"), JAPANESE))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("本庄市市民活動団体登録証", "子育てサロンひまわり", "令和8年(2026年)11月28日",
                    "令和8年(2026年)4月1日", "第12号", "髙﨑 千尋", "本庄市長",
                    "上記の団体を市民活動団体として登録したことを証明します。");
            assertThat(text).as("the contact from the city's profile and the messages")
                    .contains("問い合わせ先", "市民生活部 市民活動推進課", "〒367-8501 埼玉県本庄市本庄3-5-3",
                            "電話 0495-25-1111(代表)", "メール katudou@city.honjo.lg.jp");
        }
    }

    @Test
    void everyGlyphIsSetInTheEmbeddedJapaneseFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, certificate("子育てサロンひまわり"), JAPANESE))) {
            List<PDFont> fonts = fonts(pdf.getPage(0).getResources());

            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getName()).contains("BIZUDPGothic");
                assertThat(font.isEmbedded()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                        .as("the TrueType program of %s", font.getName()).isNotNull();
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("BIZUDPGothic-Bold"));
        }
    }

    @Test
    void anA4PortraitPageWithTwentyMillimetreMargins() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, certificate("子育てサロンひまわり"), JAPANESE))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));

            LeftmostText leftmost = new LeftmostText();
            leftmost.getText(pdf);
            assertThat(leftmost.x).as("the left edge of the body text").isCloseTo(20 * MM, within(1f));
        }
    }

    @Test
    void theTitleAuthorAndLanguageAreSet() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, certificate("子育てサロンひまわり"), JAPANESE))) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("本庄市市民活動団体登録証");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("本庄市");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ja");
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged for screen readers").isTrue();
        }
    }

    @Test
    void anEnglishDocumentTakesTheLocale() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, certificate("Himawari Parenting Salon"),
                Locale.ENGLISH))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("Himawari Parenting Salon", "2026-11-28", "Contact", "Phone 0495-25-1111(代表)",
                    "Civic Activity Promotion Division, Citizens' Life Department");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Honjo City");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void twoDocumentsRenderedAtOnceKeepTheirOwnContent() throws Exception {
        List<String> groups = List.of("子育てサロンひまわり", "本庄ボランティアの会");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(groups.size());
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (String group : groups) {
                pdfs.add(pool.submit(() -> {
                    start.await();
                    return documents.render(CERTIFICATE, certificate(group), JAPANESE);
                }));
            }
            start.countDown();

            for (int i = 0; i < groups.size(); i++) {
                try (PDDocument pdf = Loader.loadPDF(pdfs.get(i).get(2, TimeUnit.MINUTES))) {
                    String text = new PDFTextStripper().getText(pdf);
                    assertThat(text).contains(groups.get(i), "令和8年(2026年)11月28日")
                            .doesNotContain(groups.get(1 - i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void imagesComeOnlyFromTheTemplatesFolder(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("outside.png");
        try (InputStream seal = getClass().getResourceAsStream("/templates/documents/pdf/test-seal.png")) {
            Files.copy(seal, outside);
        }

        byte[] bytes = documents.render("documents/pdf/test-images", Map.of("outside", outside.toUri().toString()), JAPANESE);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDResources resources = pdf.getPage(0).getResources();
            List<COSName> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images.add(name);
                }
            }
            assertThat(images).as("the seal beside the template, not the file elsewhere on disk").hasSize(1);
        }
    }

    @Test
    void onlyTemplatesInAModulesPdfFolder() {
        assertThatThrownBy(() -> documents.render("web/home", Map.of(), JAPANESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<module>/pdf/<name>");
        assertThatThrownBy(() -> documents.render("documents/pdf/no-such-template", Map.of(), JAPANESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No PDF template");
        assertThatThrownBy(() -> documents.render("documents/pdf/../../web/home", Map.of(), JAPANESE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cityIsReservedForTheCitysProfile() {
        assertThatThrownBy(() -> documents.render(CERTIFICATE, Map.of("city", "別の市"), JAPANESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("city");
    }

    @Test
    void aTemplateMustBeWellFormedAndHaveATitle() {
        assertThatThrownBy(() -> documents.render("documents/pdf/no-title", Map.of(), JAPANESE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("<title>");
        assertThatThrownBy(() -> documents.render("documents/pdf/not-xhtml", Map.of(), JAPANESE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not well-formed XHTML");
    }

    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    /** Finds the smallest x of any glyph on the pages: the left margin where body text starts. */
    private static final class LeftmostText extends PDFTextStripper {

        float x = Float.MAX_VALUE;

        @Override
        protected void processTextPosition(TextPosition text) {
            x = Math.min(x, text.getXDirAdj());
            super.processTextPosition(text);
        }
    }
}
