package jp.kyodo.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.TextNormalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The three ways the index reads Japanese text, used alike for documents and for the words typed:
 * <ul>
 *   <li><b>words</b>: Kuromoji morphemes in search mode, so that 国際 is a word of 国際交流協会, with base forms;</li>
 *   <li><b>pairs</b>: overlapping pairs of characters (and single ones), so that any part of a compound that
 *       Kuromoji keeps whole is still found, with hiragana folded into katakana;</li>
 *   <li><b>readings</b>: the katakana reading of the text (子育て as コソダテ), so that a word typed in kana finds
 *       the kanji.</li>
 * </ul>
 * Width, letter case and kana are normalized with {@link TextNormalizer} before analysis.
 */
final class JapaneseText implements AutoCloseable {

    /** A term and its position in the token stream, for phrase queries. */
    record Token(String term, int position) {
    }

    private final Analyzer words = new JapaneseAnalyzer(null, JapaneseTokenizer.Mode.SEARCH,
            JapaneseAnalyzer.getDefaultStopSet(), JapaneseAnalyzer.getDefaultStopTags());

    // Single characters are indexed beside the pairs so that a one-character word (森) is found too; a query needs only
    // the pairs, which stand one position apart and so form a phrase.
    private final Analyzer indexPairs = pairs(true);
    private final Analyzer queryPairs = pairs(false);

    // Normal mode: compounds keep their dictionary reading, and the reading is concatenated anyway.
    private final Analyzer readings = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));
        }
    };

    private static Analyzer pairs(boolean withSingles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream pairs = new CJKBigramFilter(new LowerCaseFilter(source),
                        CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
                        withSingles);
                return new TokenStreamComponents(source, pairs);
            }
        };
    }

    Analyzer wordAnalyzer() {
        return words;
    }

    Analyzer pairAnalyzer() {
        return indexPairs;
    }

    /** Text as the word analysis wants it: NFKC width folding, kana left as written (Kuromoji needs the hiragana). */
    static String forWords(String text) {
        return TextNormalizer.normalizeWidth(text);
    }

    /** Text as the pair analysis wants it: width, case and kana folded (ぼらんてぃあ, ﾎﾞﾗﾝﾃｨｱ and ボランティア alike). */
    static String forPairs(String text) {
        return TextNormalizer.searchKey(text);
    }

    /**
     * The katakana reading of the text, folded like {@link #forPairs}: kanji by their dictionary reading, kana as
     * written, anything else (Latin letters, digits, unknown words) as it is. Where punctuation or space separated
     * two words, a space keeps their readings apart.
     */
    String reading(String text) {
        String prepared = forWords(text);
        StringBuilder out = new StringBuilder(prepared.length() * 2);
        try (TokenStream stream = readings.tokenStream("reading", prepared)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = stream.addAttribute(ReadingAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int lastEnd = -1;
            while (stream.incrementToken()) {
                if (lastEnd >= 0 && offset.startOffset() > lastEnd) {
                    out.append(' ');
                }
                String surface = term.toString();
                String dictionaryReading = reading.getReading();
                // Kana is already a reading; the dictionary's may differ for a homograph the user did not mean.
                out.append(isKana(surface) || dictionaryReading == null ? surface : dictionaryReading);
                lastEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TextNormalizer.searchKey(out.toString());
    }

    /** A word written with kanji and its katakana reading (folded like {@link #forPairs}). */
    record ReadingWord(String surface, String reading) {
    }

    /** The words of the text that are not written in kana alone, each with its dictionary reading, for suggestions. */
    List<ReadingWord> readingWords(String text) {
        List<ReadingWord> found = new ArrayList<>();
        try (TokenStream stream = readings.tokenStream("reading", forWords(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = stream.addAttribute(ReadingAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            ReadingWord previous = null;
            int previousEnd = -1;
            while (stream.incrementToken()) {
                String surface = term.toString();
                String dictionaryReading = reading.getReading();
                boolean kanji = dictionaryReading != null && !isKana(surface)
                        && surface.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                ReadingWord word = kanji ? new ReadingWord(surface, TextNormalizer.searchKey(dictionaryReading)) : null;
                if (word != null && surface.codePointCount(0, surface.length()) >= 2) {
                    found.add(word);
                }
                // A compound that Kuromoji cuts in two (国際 + 交流) is typed whole too: こくさいこうりゅう.
                if (word != null && previous != null && previousEnd == offset.startOffset()) {
                    found.add(new ReadingWord(previous.surface() + surface, previous.reading() + word.reading()));
                }
                previous = word;
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The terms of the word analysis, in order. */
    List<String> words(String text) {
        return tokens(words, "words", forWords(text)).stream().map(Token::term).toList();
    }

    /** The pairs of an already folded word, with their positions, for a phrase query. */
    List<Token> queryPairs(String folded) {
        return tokens(queryPairs, "pairs", folded);
    }

    private static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Whether the text is only kana (and the long vowel mark), i.e. a reading as typed. */
    static boolean isKana(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kana = (c >= 'ぁ' && c <= 'ゖ') || (c >= 'ァ' && c <= 'ヺ') || c == 'ー'
                    || c == 'ゝ' || c == 'ゞ' || c == 'ヽ' || c == 'ヾ';
            if (!kana) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        words.close();
        indexPairs.close();
        queryPairs.close();
        readings.close();
    }
}
