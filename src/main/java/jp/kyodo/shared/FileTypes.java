package jp.kyodo.shared;

/** What a file really is, from its first bytes rather than its name or the browser's word. */
public final class FileTypes {

    private FileTypes() {
    }

    /** The content type of a PDF, PNG or JPEG file; null for anything else. */
    public static String documentOrImage(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes())) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        return null;
    }

    /**
     * An uploaded file's name made safe to keep and to send back in a header: no path separators, quotes, control
     * characters (NUL, line breaks) or direction overrides (which make {@code invoice\u202Efdp.exe} look like a PDF),
     * at most 200 characters; the fallback when nothing is left.
     */
    public static String safeFilename(String filename, String fallback) {
        if (filename == null) {
            return fallback;
        }
        String name = filename.replaceAll("[\\\\/\"\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]", "_").strip();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content == null || content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
