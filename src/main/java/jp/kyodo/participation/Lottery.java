package jp.kyodo.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A public lottery anyone can check (公開抽選): each entry's key is the SHA-256 of the published seed, a colon and the
 * entry's application number, in hexadecimal; entries are drawn in ascending order of their keys. With the seed and
 * the list of numbers published, the draw can be redone with any SHA-256 tool.
 */
public final class Lottery {

    private Lottery() {
    }

    /** An entry and its key. */
    public record Draw(String number, String key) {
    }

    /** Every entry in the order drawn. */
    public static List<Draw> draw(String seed, List<String> numbers) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("A lottery needs a published seed");
        }
        return numbers.stream().distinct().map(n -> new Draw(n, key(seed, n)))
                .sorted(Comparator.comparing(Draw::key).thenComparing(Draw::number)).toList();
    }

    /** The first {@code places} entries drawn. */
    public static List<String> winners(String seed, List<String> numbers, int places) {
        return draw(seed, numbers).stream().limit(Math.max(0, places)).map(Draw::number).toList();
    }

    static String key(String seed, String number) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + number).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
