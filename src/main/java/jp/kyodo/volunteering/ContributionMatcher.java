package jp.kyodo.volunteering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggests offers for needs and needs for offers, with the reasons. A pair is suggested only when the kinds fit (a
 * venue for a venue, sponsorship for funds, …); then it scores {@value #KIND} for the kinds, {@value #FIELD} for each
 * shared field, {@value #AREA} when the offer serves the need's area (or the whole city), and {@value #WORD} for each
 * shared content word of the titles and descriptions (at most {@value #MAX_WORDS}). Ties go to the older post (lower id),
 * so that the same data always gives the same order. Pure: the caller extracts the words.
 */
final class ContributionMatcher {

    static final int KIND = 4;
    static final int FIELD = 3;
    static final int AREA = 2;
    static final int WORD = 1;
    static final int MAX_WORDS = 5;
    /** The area code that means the whole city (市内全域). */
    static final String CITY_WIDE = "all";

    private static final Map<OfferKind, Set<NeedKind>> FITS = new EnumMap<>(OfferKind.class);

    static {
        FITS.put(OfferKind.SKILL, EnumSet.of(NeedKind.EXPERTISE, NeedKind.PRINTING));
        FITS.put(OfferKind.GOODS, EnumSet.of(NeedKind.GOODS, NeedKind.PRINTING));
        FITS.put(OfferKind.VENUE, EnumSet.of(NeedKind.VENUE));
        FITS.put(OfferKind.SPONSORSHIP, EnumSet.of(NeedKind.FUNDS));
        FITS.put(OfferKind.STAFF_VOLUNTEERING, EnumSet.of(NeedKind.VOLUNTEERS));
        FITS.put(OfferKind.ROAD_SUPPORT, EnumSet.of(NeedKind.VOLUNTEERS, NeedKind.OTHER));
        FITS.put(OfferKind.HOMETOWN_TAX, EnumSet.of(NeedKind.FUNDS, NeedKind.GOODS, NeedKind.OTHER));
        FITS.put(OfferKind.OTHER, EnumSet.of(NeedKind.OTHER));
    }

    private ContributionMatcher() {
    }

    /** What matching needs of an offer: its group (a group is never matched with itself), kind, fields, areas and words. */
    record OfferFacts(long id, long groupId, OfferKind kind, Set<String> fields, Set<String> areas, Set<String> words) {
    }

    record NeedFacts(long id, long groupId, NeedKind kind, Set<String> fields, String area, Set<String> words) {
    }

    enum ReasonType { KIND, FIELD, AREA, WORDS }

    /**
     * Why a pair fits: for KIND the offer's and the need's kind names, for FIELD a field code, for AREA an area code
     * ({@code all} when the offer serves the whole city), for WORDS the shared words in the need's order.
     */
    record Reason(ReasonType type, List<String> items) {
    }

    record Match(long offerId, long needId, int score, List<Reason> reasons) {
    }

    static boolean fits(OfferKind offer, NeedKind need) {
        return FITS.getOrDefault(offer, Set.of()).contains(need);
    }

    /** The pair's score and reasons, or empty when the kinds do not fit or both posts are one group's. */
    static Optional<Match> score(OfferFacts offer, NeedFacts need) {
        if (offer.groupId() == need.groupId() || !fits(offer.kind(), need.kind())) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>();
        int score = KIND;
        reasons.add(new Reason(ReasonType.KIND, List.of(offer.kind().name(), need.kind().name())));
        for (String f : need.fields().stream().sorted().toList()) {
            if (offer.fields().contains(f)) {
                score += FIELD;
                reasons.add(new Reason(ReasonType.FIELD, List.of(f)));
            }
        }
        if (need.area() != null && offer.areas().contains(need.area())) {
            score += AREA;
            reasons.add(new Reason(ReasonType.AREA, List.of(need.area())));
        } else if (offer.areas().contains(CITY_WIDE)) {
            score += AREA;
            reasons.add(new Reason(ReasonType.AREA, List.of(CITY_WIDE)));
        }
        List<String> words = need.words().stream().filter(offer.words()::contains).limit(MAX_WORDS).toList();
        if (!words.isEmpty()) {
            score += WORD * words.size();
            reasons.add(new Reason(ReasonType.WORDS, words));
        }
        return Optional.of(new Match(offer.id(), need.id(), score, List.copyOf(reasons)));
    }

    /** The best needs for an offer, best first. */
    static List<Match> needsFor(OfferFacts offer, List<NeedFacts> needs, int limit) {
        return needs.stream().map(n -> score(offer, n)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Match::score).reversed().thenComparingLong(Match::needId))
                .limit(limit).toList();
    }

    /** The best offers for a need, best first. */
    static List<Match> offersFor(NeedFacts need, List<OfferFacts> offers, int limit) {
        return offers.stream().map(o -> score(o, need)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Match::score).reversed().thenComparingLong(Match::offerId))
                .limit(limit).toList();
    }
}
