package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A photo keeps its picture and loses where and by whom it was taken. */
class ImageMetadataTest {

    private static final String SECRET = "GPS 36.2437N 139.1903E Owner: Honjo Taro";

    private static byte[] picture(String format) throws Exception {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void jpegLosesItsExifAndCommentButStaysTheSamePicture() throws Exception {
        byte[] plain = picture("jpg");
        byte[] exif = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] comment = SECRET.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(plain, 0, 2);
        segment(tagged, 0xE1, exif);
        segment(tagged, 0xFE, comment);
        tagged.write(plain, 2, plain.length - 2);
        assertThat(new String(tagged.toByteArray(), StandardCharsets.ISO_8859_1)).contains(SECRET);

        byte[] stripped = ImageMetadata.strip(tagged.toByteArray());

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(stripped).isEqualTo(plain);
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(8);
    }

    @Test
    void pngLosesItsTextAndExifChunks() throws Exception {
        byte[] plain = picture("png");
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(plain, 0, 8 + 25); // signature and IHDR
        chunk(tagged, "tEXt", ("Author\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(tagged, "eXIf", SECRET.getBytes(StandardCharsets.ISO_8859_1));
        tagged.write(plain, 33, plain.length - 33);

        byte[] stripped = ImageMetadata.strip(tagged.toByteArray());

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(stripped).isEqualTo(plain);
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getRGB(3, 2) & 0xFFFFFF).isEqualTo(0x336699);
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        byte[] pdf = "%PDF-1.7 Author: someone".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageMetadata.strip(pdf)).isSameAs(pdf);
        byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F};
        assertThat(ImageMetadata.strip(broken)).isSameAs(broken);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        int length = data.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(data, 0, data.length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
    }
}
