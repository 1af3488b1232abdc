package jp.kyodo.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Topics a person may follow, offered by the modules that own them (the registry offers its fields, areas and
 * groups), so that notifications can name them without depending on those modules.
 */
public interface FollowTopics {

    /** The topics offered for following in lists (e.g. every active field), in their order. */
    List<FollowableTopic> followable(Locale locale);

    /** The name of a topic this module owns (e.g. a group's name for {@code group:12}), or empty. */
    Optional<String> label(String topic, Locale locale);

    /** A topic with its name and the heading it is listed under (e.g. 分野). */
    record FollowableTopic(String topic, String label, String section) {
    }
}
