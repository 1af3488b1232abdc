package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void shortTextIsShownWhole() {
        assertThat(Snippets.around("乳幼児と保護者の交流の場です。", List.of("交流"), 120))
                .isEqualTo("乳幼児と保護者の交流の場です。");
    }

    @Test
    void withoutAMatchTheBeginningIsShown() {
        String text = "あ".repeat(300);
        assertThat(Snippets.around(text, List.of("コソダテ"), 120)).isEqualTo("あ".repeat(120) + "…");
    }

    @Test
    void theCutStartsALittleBeforeTheMatch() {
        String text = "い".repeat(200) + "防災講座" + "う".repeat(200);
        String snippet = Snippets.around(text, List.of("防災"), 120);
        assertThat(snippet).isEqualTo("…" + "い".repeat(30) + "防災講座" + "う".repeat(86) + "…");
    }

    @Test
    void matchesAcrossWidthAndKanaAndKeepsTheTextAsWritten() {
        String text = "い".repeat(200) + "ﾎﾞﾗﾝﾃｨｱ募集";
        assertThat(Snippets.around(text, List.of("ボランティア"), 20)).endsWith("ﾎﾞﾗﾝﾃｨｱ募集").startsWith("…");
        assertThat(Snippets.around("いい\n\n  ぼらんてぃあ", List.of("ボランティア"), 120)).isEqualTo("いい ぼらんてぃあ");
    }

    @Test
    void theEarliestOfSeveralWordsWins() {
        String text = "あ".repeat(100) + "食堂" + "あ".repeat(100) + "子ども" + "あ".repeat(100);
        assertThat(Snippets.around(text, List.of("コドモ", "食堂"), 20)).startsWith("…" + "あ".repeat(5) + "食堂");
    }

    @Test
    void emptyTextGivesAnEmptySnippet() {
        assertThat(Snippets.around("", List.of("防災"), 120)).isEmpty();
    }
}
