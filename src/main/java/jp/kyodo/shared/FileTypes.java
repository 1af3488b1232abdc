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
