package jp.kyodo.bench;

import java.util.Collection;
import java.util.Set;

/** How many of the expected results a side found, summed over the labelled queries. */
final class Recall {

    private long expected;
    private long found;
    private long returned;

    /** Adds one labelled query: the expected registration numbers and those the side returned. */
    synchronized void add(Set<String> expectedNumbers, Collection<String> returnedNumbers) {
        expected += expectedNumbers.size();
        returned += returnedNumbers.size();
        found += expectedNumbers.stream().filter(returnedNumbers::contains).count();
    }

    synchronized long expected() {
        return expected;
    }

    synchronized long found() {
        return found;
    }

    synchronized long returned() {
        return returned;
    }

    /** Found over expected, 0 to 1 (0 when nothing was expected). */
    synchronized double ratio() {
        return expected == 0 ? 0 : (double) found / expected;
    }
}
