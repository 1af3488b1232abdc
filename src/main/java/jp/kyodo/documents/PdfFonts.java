package jp.kyodo.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Map;

/**
 * BIZ UDPGothic, the Japanese font every PDF is set in. The build copies it from its npm package to
 * {@code documents/fonts/} on the classpath (see docs/adr/0003-pdf-documents.md); it is read once and kept in memory.
 */
final class PdfFonts {

    static final String FAMILY = "BIZ UDPGothic";

    private static final String LOCATION = "documents/fonts/";
    private static final Map<Integer, String> FILES = Map.of(
            400, "BIZUDPGothic_400Regular.ttf",
            700, "BIZUDPGothic_700Bold.ttf");

    private final Map<Integer, byte[]> faces;

    PdfFonts() {
        this.faces = Map.of(400, read(FILES.get(400)), 700, read(FILES.get(700)));
    }

    /**
     * Registers both weights for the family of the shared stylesheet, and again as the fallback, so that Japanese text
     * in a template that names another family (or a generic one such as {@code serif}) is still set in this font.
     */
    void registerWith(PdfRendererBuilder builder) {
        faces.forEach((weight, bytes) -> {
            builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, weight, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.DOCUMENT));
            builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, weight, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.FALLBACK_PRE));
        });
    }

    private static byte[] read(String file) {
        String path = LOCATION + file;
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + path + " is not on the classpath; the Maven build "
                        + "puts it there in the process-resources phase (./mvnw process-resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the PDF font " + path, e);
        }
    }
}
