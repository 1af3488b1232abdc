package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain text becomes paragraphs and lines; only http(s) addresses become links, without the sentence's punctuation. */
class NewsTextTest {

    @Test
    void splitsParagraphsAtBlankLinesAndKeepsLines() {
        List<NewsText.Paragraph> paragraphs = NewsText.paragraphs("一行目\r\n二行目\n\n  \n三段落目");
        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.getFirst().lines()).hasSize(2);
        assertThat(paragraphs.get(1).lines().getFirst()).containsExactly(new NewsText.Piece("三段落目", false));
    }

    @Test
    void linksOnlyWebAddressesAndStopsAtJapaneseTextAndPunctuation() {
        assertThat(NewsText.pieces("詳しくはhttps://example.jp/a?b=1&c=2をご覧ください。")).containsExactly(
                new NewsText.Piece("詳しくは", false), new NewsText.Piece("https://example.jp/a?b=1&c=2", true),
                new NewsText.Piece("をご覧ください。", false));
        assertThat(NewsText.pieces("See http://example.jp/x.")).containsExactly(
                new NewsText.Piece("See ", false), new NewsText.Piece("http://example.jp/x", true), new NewsText.Piece(".", false));
        assertThat(NewsText.pieces("javascript:alert(1) と ftp://example.jp")).containsExactly(
                new NewsText.Piece("javascript:alert(1) と ftp://example.jp", false));
    }

    @Test
    void summariesAreOneLineAndCut() {
        assertThat(NewsText.summary("あいう\n\nえお", 10)).isEqualTo("あいう えお");
        assertThat(NewsText.summary("あいうえおかきくけこさ", 5)).isEqualTo("あいうえ…");
    }
}
