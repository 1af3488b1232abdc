package jp.kyodo.participation;

/**
 * Counting an essay's characters as a Japanese reader does (原稿用紙の字数): every character counts one, full-width
 * or half-width alike, a character outside the basic plane (𠮷) too; line breaks do not count.
 */
public final class CharacterCount {

    private CharacterCount() {
    }

    public static int of(String text) {
        if (text == null) {
            return 0;
        }
        // Composed first: が pasted as か + ゛ (as some systems write it) is one character to a reader.
        return (int) java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).codePoints().filter(c -> c != '\n' && c != '\r').count();
    }
}
