package jp.kyodo.notifications;

import java.util.List;
import java.util.Objects;

/**
 * News that modules announce (a call opened, an opportunity published, results published), to be told to everyone
 * who follows one of its topics. Topics are {@code field:<code>}, {@code area:<code>}, {@code group:<id>} and the
 * catch-alls {@code theme:all}, {@code volunteer:all}, {@code results:all}. The URL is a path of the portal.
 */
public record Announcement(NoticeKind kind, List<String> topics, String title, String url, News news) {

    /** What happened, shown beside the title ({@code notice.news.<NAME>}). */
    public enum News { NEW_CALL, NEW_OPPORTUNITY, RESULTS }

    /** An announcement whose title says it all. */
    public Announcement(NoticeKind kind, List<String> topics, String title, String url) {
        this(kind, topics, title, url, null);
    }

    public Announcement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        topics = topics == null ? List.of() : topics.stream().filter(Objects::nonNull).distinct().toList();
    }

    public static String field(String code) {
        return "field:" + code;
    }

    public static String area(String code) {
        return "area:" + code;
    }

    public static String group(long id) {
        return "group:" + id;
    }

    /** Every new collaboration call or theme. */
    public static final String ALL_THEMES = "theme:all";

    /** Every new volunteer opportunity. */
    public static final String ALL_VOLUNTEERING = "volunteer:all";

    /** Every published result: screening results, public-comment results, council lotteries. */
    public static final String ALL_RESULTS = "results:all";
}
