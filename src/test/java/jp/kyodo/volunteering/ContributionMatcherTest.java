package jp.kyodo.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.volunteering.ContributionMatcher.Match;
import jp.kyodo.volunteering.ContributionMatcher.NeedFacts;
import jp.kyodo.volunteering.ContributionMatcher.OfferFacts;
import jp.kyodo.volunteering.ContributionMatcher.Reason;
import jp.kyodo.volunteering.ContributionMatcher.ReasonType;
import org.junit.jupiter.api.Test;

/** Suggested matches on a fixture of four offers and four needs: exact rankings, scores and reasons. */
class ContributionMatcherTest {

    static final OfferFacts ROOM = new OfferFacts(1, 101, OfferKind.VENUE, set("kokusai"), set("all"), set("会議室", "教室"));
    static final OfferFacts PRINTING = new OfferFacts(2, 102, OfferKind.SKILL, set("kosodate"), set("honjo"), set("印刷", "チラシ", "デザイン"));
    static final OfferFacts PAPER = new OfferFacts(3, 103, OfferKind.GOODS, set("bunka"), set("kodama"), set("紙", "印刷"));
    static final OfferFacts HALL = new OfferFacts(4, 104, OfferKind.VENUE, set("kosodate"), set("honjo"), set("ホール"));
    static final List<OfferFacts> OFFERS = List.of(ROOM, PRINTING, PAPER, HALL);

    static final NeedFacts FLYERS = new NeedFacts(11, 201, NeedKind.PRINTING, set("kosodate"), "honjo", set("チラシ", "印刷"));
    static final NeedFacts CLASSROOM = new NeedFacts(12, 202, NeedKind.VENUE, set("kokusai"), "honjo", set("日本語", "教室"));
    static final NeedFacts PLAYROOM = new NeedFacts(13, 203, NeedKind.VENUE, set("kosodate"), "honjo", set("親子", "広場"));
    static final NeedFacts MONEY = new NeedFacts(14, 204, NeedKind.FUNDS, set("kosodate"), "honjo", set("印刷"));
    static final List<NeedFacts> NEEDS = List.of(FLYERS, CLASSROOM, PLAYROOM, MONEY);

    @Test
    void needsForEachOfferAreRankedBestFirst() {
        assertThat(needs(ContributionMatcher.needsFor(ROOM, NEEDS, 5))).containsExactly("12:10", "13:6");
        assertThat(needs(ContributionMatcher.needsFor(PRINTING, NEEDS, 5))).containsExactly("11:11");
        assertThat(needs(ContributionMatcher.needsFor(PAPER, NEEDS, 5))).containsExactly("11:5");
        assertThat(needs(ContributionMatcher.needsFor(HALL, NEEDS, 5))).containsExactly("13:9", "12:6");
    }

    @Test
    void offersForEachNeedAreRankedBestFirst() {
        assertThat(offers(ContributionMatcher.offersFor(FLYERS, OFFERS, 5))).containsExactly("2:11", "3:5");
        assertThat(offers(ContributionMatcher.offersFor(CLASSROOM, OFFERS, 5))).containsExactly("1:10", "4:6");
        assertThat(offers(ContributionMatcher.offersFor(PLAYROOM, OFFERS, 5))).containsExactly("4:9", "1:6");
        assertThat(ContributionMatcher.offersFor(MONEY, OFFERS, 5)).as("funds: no offer of a fitting kind, however many words it shares")
                .isEmpty();
    }

    @Test
    void everyPointHasItsReason() {
        assertThat(ContributionMatcher.score(PRINTING, FLYERS).orElseThrow().reasons()).containsExactly(
                new Reason(ReasonType.KIND, List.of("SKILL", "PRINTING")),
                new Reason(ReasonType.FIELD, List.of("kosodate")),
                new Reason(ReasonType.AREA, List.of("honjo")),
                new Reason(ReasonType.WORDS, List.of("チラシ", "印刷")));
        assertThat(ContributionMatcher.score(ROOM, CLASSROOM).orElseThrow().reasons()).as("a city-wide offer serves every area").containsExactly(
                new Reason(ReasonType.KIND, List.of("VENUE", "VENUE")),
                new Reason(ReasonType.FIELD, List.of("kokusai")),
                new Reason(ReasonType.AREA, List.of("all")),
                new Reason(ReasonType.WORDS, List.of("教室")));
        assertThat(ContributionMatcher.score(PAPER, FLYERS).orElseThrow().reasons()).containsExactly(
                new Reason(ReasonType.KIND, List.of("GOODS", "PRINTING")),
                new Reason(ReasonType.WORDS, List.of("印刷")));
    }

    @Test
    void kindsTableDecidesWhatFits() {
        assertThat(ContributionMatcher.fits(OfferKind.SPONSORSHIP, NeedKind.FUNDS)).isTrue();
        assertThat(ContributionMatcher.fits(OfferKind.STAFF_VOLUNTEERING, NeedKind.VOLUNTEERS)).isTrue();
        assertThat(ContributionMatcher.fits(OfferKind.ROAD_SUPPORT, NeedKind.VOLUNTEERS)).isTrue();
        assertThat(ContributionMatcher.fits(OfferKind.HOMETOWN_TAX, NeedKind.FUNDS)).isTrue();
        assertThat(ContributionMatcher.fits(OfferKind.VENUE, NeedKind.FUNDS)).isFalse();
        assertThat(ContributionMatcher.fits(OfferKind.SPONSORSHIP, NeedKind.VENUE)).isFalse();
    }

    @Test
    void aGroupIsNotMatchedWithItself() {
        NeedFacts own = new NeedFacts(15, PRINTING.groupId(), NeedKind.PRINTING, set("kosodate"), "honjo", set("チラシ"));
        assertThat(ContributionMatcher.score(PRINTING, own)).isEmpty();
    }

    @Test
    void tiesGoToTheOlderPostWhateverTheInputOrder() {
        List<OfferFacts> twins = new ArrayList<>();
        for (long id : new long[] {7, 3, 5}) {
            twins.add(new OfferFacts(id, 300 + id, OfferKind.VENUE, set(), set("all"), set()));
        }
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(twins);
            assertThat(offers(ContributionMatcher.offersFor(CLASSROOM, twins, 5))).containsExactly("3:6", "5:6", "7:6");
        }
        assertThat(offers(ContributionMatcher.offersFor(CLASSROOM, twins, 2))).containsExactly("3:6", "5:6");
    }

    /** Suggested needs as "need id:score". */
    private static List<String> needs(List<Match> matches) {
        return matches.stream().map(m -> m.needId() + ":" + m.score()).toList();
    }

    /** Suggested offers as "offer id:score". */
    private static List<String> offers(List<Match> matches) {
        return matches.stream().map(m -> m.offerId() + ":" + m.score()).toList();
    }

    private static Set<String> set(String... items) {
        return new LinkedHashSet<>(List.of(items));
    }
}
