package jp.kyodo.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a person follows (fields, areas, groups, and every new call, opportunity or result), and the buttons to
 * follow and stop following. A person follows for themselves: a group's managers each follow what they want to hear of.
 */
@Controller
class FollowController {

    /** Topics notifications itself offers, before those of other modules. */
    static final List<String> GENERAL = List.of(Announcement.ALL_THEMES, Announcement.ALL_VOLUNTEERING, Announcement.ALL_RESULTS);

    private final Notices notices;
    private final List<FollowTopics> catalogues;
    private final MessageSource messages;

    FollowController(Notices notices, List<FollowTopics> catalogues, MessageSource messages) {
        this.notices = notices;
        this.catalogues = catalogues;
        this.messages = messages;
    }

    record Row(String topic, String label, boolean following) {
    }

    @GetMapping("/account/follows")
    String page(@AuthenticationPrincipal Actor me, Locale locale, Model model) {
        long id = NoticeController.signedIn(me);
        Set<String> mine = new java.util.LinkedHashSet<>(notices.followed(id));
        List<Row> followed = new ArrayList<>();
        for (String topic : mine) {
            followed.add(new Row(topic, label(topic, locale).orElse(topic), true));
        }
        Map<String, List<Row>> sections = new LinkedHashMap<>();
        String general = messages.getMessage("follow.section.general", null, locale);
        for (String topic : GENERAL) {
            sections.computeIfAbsent(general, k -> new ArrayList<>()).add(new Row(topic, label(topic, locale).orElse(topic), mine.contains(topic)));
        }
        for (FollowTopics catalogue : catalogues) {
            for (FollowTopics.FollowableTopic t : catalogue.followable(locale)) {
                sections.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(new Row(t.topic(), t.label(), mine.contains(t.topic())));
            }
        }
        model.addAttribute("followed", followed);
        model.addAttribute("sections", sections);
        return "notifications/follows";
    }

    @PostMapping("/account/follows")
    String change(@AuthenticationPrincipal Actor me, @RequestParam String topic, @RequestParam(defaultValue = "follow") String action,
                  @RequestParam(required = false) String returnTo, Locale locale, RedirectAttributes redirect) {
        long id = NoticeController.signedIn(me);
        if ("unfollow".equals(action)) {
            notices.unfollow(id, topic);
            redirect.addFlashAttribute("notice", "follow.flash.unfollowed");
        } else {
            // Only topics someone can announce are followed; anything else is a forged form.
            label(topic, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
            notices.follow(id, topic);
            redirect.addFlashAttribute("notice", "follow.flash.followed");
        }
        return "redirect:" + safe(returnTo);
    }

    private Optional<String> label(String topic, Locale locale) {
        if (GENERAL.contains(topic)) {
            return Optional.of(messages.getMessage("follow.topic." + topic.replace(':', '.'), null, locale));
        }
        for (FollowTopics catalogue : catalogues) {
            Optional<String> label = catalogue.label(topic, locale);
            if (label.isPresent()) {
                return label;
            }
        }
        return Optional.empty();
    }

    /** Back to the page of the button, never to another site. */
    static String safe(String returnTo) {
        // Browsers drop tabs and line breaks from a URL, so "/<tab>/evil.example" would become "//evil.example".
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/account/follows";
        }
        return returnTo;
    }
}
