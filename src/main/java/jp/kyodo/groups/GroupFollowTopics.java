package jp.kyodo.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.notifications.Announcement;
import jp.kyodo.notifications.FollowTopics;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The registry's fields, areas and listed groups as topics people follow to hear of new calls, opportunities and results. */
@Component
class GroupFollowTopics implements FollowTopics {

    private final Groups groups;
    private final MessageSource messages;

    GroupFollowTopics(Groups groups, MessageSource messages) {
        this.groups = groups;
        this.messages = messages;
    }

    @Override
    public List<FollowableTopic> followable(Locale locale) {
        List<FollowableTopic> topics = new ArrayList<>();
        String fields = messages.getMessage("follow.section.fields", null, locale);
        groups.fields().stream().filter(Choice::active)
                .forEach(c -> topics.add(new FollowableTopic(Announcement.field(c.code()), c.label(locale), fields)));
        String areas = messages.getMessage("follow.section.areas", null, locale);
        groups.areas().stream().filter(Choice::active)
                .forEach(c -> topics.add(new FollowableTopic(Announcement.area(c.code()), c.label(locale), areas)));
        return topics;
    }

    @Override
    public Optional<String> label(String topic, Locale locale) {
        if (topic.startsWith("field:")) {
            return choice(groups.fields(), topic.substring(6), locale);
        }
        if (topic.startsWith("area:")) {
            return choice(groups.areas(), topic.substring(5), locale);
        }
        if (topic.startsWith("group:")) {
            try {
                return groups.profile(Long.parseLong(topic.substring(6))).filter(Groups.GroupProfile::inGoodStanding)
                        .map(Groups.GroupProfile::name);
            } catch (NumberFormatException notAGroup) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> choice(List<Choice> choices, String code, Locale locale) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.label(locale));
    }
}
