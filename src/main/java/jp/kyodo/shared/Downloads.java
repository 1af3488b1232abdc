package jp.kyodo.shared;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An uploaded file sent back for download: as an attachment, under its Japanese name, never sniffed into HTML. */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /**
     * A checked image shown in the page (an {@code <img>} of a published photo) rather than saved; any other type,
     * a PDF too (a document is saved, never opened in the portal's origin), is still sent as an attachment.
     */
    public static ResponseEntity<byte[]> inline(String filename, String contentType, byte[] content) {
        if (!contentType.equals("image/png") && !contentType.equals("image/jpeg")) {
            return attachment(filename, contentType, content);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
