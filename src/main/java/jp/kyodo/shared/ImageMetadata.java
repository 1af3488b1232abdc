package jp.kyodo.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what a camera or phone writes into a photo besides the picture: the place it was taken (GPS), the time, the
 * device and the owner's name (Exif, XMP, IPTC in JPEG; eXIf and text chunks in PNG). Lossless: the picture's bytes
 * are kept as they are. Photos published on the portal go through it, since they are seen by anyone.
 */
public final class ImageMetadata {

    private static final Set<String> PNG_METADATA_CHUNKS = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");

    private ImageMetadata() {
    }

    /** The photo without its metadata; anything that is not a well-formed JPEG or PNG is returned unchanged. */
    public static byte[] strip(byte[] content) {
        String type = FileTypes.documentOrImage(content);
        if ("image/jpeg".equals(type)) {
            byte[] stripped = stripJpeg(content);
            return stripped == null ? content : stripped;
        }
        if ("image/png".equals(type)) {
            byte[] stripped = stripPng(content);
            return stripped == null ? content : stripped;
        }
        return content;
    }

    // JPEG: segments up to the start of scan; APP1 (Exif, XMP), APP3–APP13 (IPTC in APP13) and COM are dropped.
    // APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) are kept, as the picture needs them.
    private static byte[] stripJpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        int i = 2;
        while (i + 4 <= in.length) {
            if ((in[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xDA) {
                out.write(in, i, in.length - i);
                return out.toByteArray();
            }
            int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > in.length) {
                return null;
            }
            boolean metadata = marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
            if (!metadata) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
        }
        return null;
    }

    // PNG: chunks are length, type, data, CRC; the metadata chunks are left out.
    private static byte[] stripPng(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        while (i + 12 <= in.length) {
            long length = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length > in.length - i - 12) {
                return null;
            }
            String chunk = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            int size = (int) length + 12;
            if (!PNG_METADATA_CHUNKS.contains(chunk)) {
                out.write(in, i, size);
            }
            i += size;
            if (chunk.equals("IEND")) {
                return out.toByteArray();
            }
        }
        return null;
    }
}
