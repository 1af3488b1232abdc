package jp.kyodo.volunteering;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A group's side of social contribution: its offers and needs, their suggested matches, and its conversations. */
@Controller
@RequestMapping("/my/contribution")
class MyContributionController {

    private final Contributions contributions;
    private final Conversations conversations;

    MyContributionController(Contributions contributions, Conversations conversations) {
        this.contributions = contributions;
        this.conversations = conversations;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("offers", contributions.offersOf(user.accountId()));
        model.addAttribute("needs", contributions.needsOf(user.accountId()));
        model.addAttribute("conversations", conversations.mine(user.accountId()));
        model.addAttribute("mayOffer", !contributions.businessGroups(user.accountId()).isEmpty());
        model.addAttribute("mayNeed", !contributions.registeredGroups(user.accountId()).isEmpty());
        return "volunteering/my-contribution";
    }

    // ---- Offers ----

    @GetMapping("/offers/new")
    String newOffer(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("areas", ContributionMatcher.CITY_WIDE);
        return offerForm(user, null, model, typed, null, Locale.JAPANESE);
    }

    @PostMapping("/offers/new")
    String createOffer(@AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> params, Model model,
                       Locale locale, RedirectAttributes redirect) {
        try {
            long id = contributions.createOffer(user, offerInput(params));
            redirect.addFlashAttribute("notice", "notice.contrib.offerSaved");
            return "redirect:/my/contribution/offers/" + id;
        } catch (InvalidInputException e) {
            return offerForm(user, null, model, typed(params), e, locale);
        }
    }

    @GetMapping("/offers/{id}")
    String offer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Contributions.Offer o = contributions.offerForManager(id, user.accountId());
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", o.kind().name());
        typed.put("title", o.title());
        typed.put("description", o.description());
        typed.put("fields", String.join(",", o.fieldCodes()));
        typed.put("areas", String.join(",", o.areaCodes()));
        typed.put("conditions", o.conditions());
        typed.put("validUntil", o.validUntil() == null ? null : o.validUntil().toString());
        typed.put("version", String.valueOf(o.version()));
        return offerForm(user, o, model, typed, null, locale);
    }

    @PostMapping("/offers/{id}")
    String saveOffer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                     Model model, Locale locale, RedirectAttributes redirect) {
        Contributions.Offer o = contributions.offerForManager(id, user.accountId());
        try {
            contributions.updateOffer(user, id, version(params), offerInput(params));
            redirect.addFlashAttribute("notice", "notice.contrib.offerSaved");
            return "redirect:/my/contribution/offers/" + id;
        } catch (InvalidInputException e) {
            return offerForm(user, o, model, typed(params), e, locale);
        }
    }

    @PostMapping("/offers/{id}/publish")
    String publishOffer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                        RedirectAttributes redirect) {
        return act(redirect, "/my/contribution/offers/" + id, "notice.contrib.offerPublished",
                () -> contributions.publishOffer(user, id, version(params)));
    }

    @PostMapping("/offers/{id}/close")
    String closeOffer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                      RedirectAttributes redirect) {
        return act(redirect, "/my/contribution/offers/" + id, "notice.contrib.offerClosed",
                () -> contributions.closeOffer(user, id, version(params)));
    }

    private String offerForm(SignedInUser user, Contributions.Offer offer, Model model, Map<String, String> typed, InvalidInputException errors,
                             Locale locale) {
        model.addAttribute("offer", offer);
        model.addAttribute("groups", contributions.businessGroups(user.accountId()));
        model.addAttribute("suggestions", offer == null || offer.status() != Contributions.Status.PUBLISHED || offer.hidden() ? List.of()
                : contributions.needsFor(offer, locale));
        model.addAttribute("cooperations", offer == null ? 0 : contributions.cooperationsOfOffer(offer.id()));
        form(model, typed, errors);
        return "volunteering/offer-form";
    }

    private static Contributions.OfferInput offerInput(MultiValueMap<String, String> p) {
        return new Contributions.OfferInput(p.getFirst("groupId"), p.getFirst("kind"), p.getFirst("title"), p.getFirst("description"),
                p.getOrDefault("fields", List.of()), p.getOrDefault("areas", List.of()), p.getFirst("conditions"), p.getFirst("validUntil"));
    }

    // ---- Needs ----

    @GetMapping("/needs/new")
    String newNeed(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
        return needForm(user, null, model, new HashMap<>(), null, locale);
    }

    @PostMapping("/needs/new")
    String createNeed(@AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> params, Model model,
                      Locale locale, RedirectAttributes redirect) {
        try {
            long id = contributions.createNeed(user, needInput(params));
            redirect.addFlashAttribute("notice", "notice.contrib.needPublished");
            return "redirect:/my/contribution/needs/" + id;
        } catch (InvalidInputException e) {
            return needForm(user, null, model, typed(params), e, locale);
        }
    }

    @GetMapping("/needs/{id}")
    String need(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Contributions.Need n = contributions.needForManager(id, user.accountId());
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", n.kind().name());
        typed.put("title", n.title());
        typed.put("description", n.description());
        typed.put("fields", String.join(",", n.fieldCodes()));
        typed.put("area", n.areaCode());
        typed.put("neededBy", n.neededBy() == null ? null : n.neededBy().toString());
        typed.put("version", String.valueOf(n.version()));
        return needForm(user, n, model, typed, null, locale);
    }

    @PostMapping("/needs/{id}")
    String saveNeed(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                    Model model, Locale locale, RedirectAttributes redirect) {
        Contributions.Need n = contributions.needForManager(id, user.accountId());
        try {
            contributions.updateNeed(user, id, version(params), needInput(params));
            redirect.addFlashAttribute("notice", "notice.contrib.needSaved");
            return "redirect:/my/contribution/needs/" + id;
        } catch (InvalidInputException e) {
            return needForm(user, n, model, typed(params), e, locale);
        }
    }

    @PostMapping("/needs/{id}/close")
    String closeNeed(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                     RedirectAttributes redirect) {
        return act(redirect, "/my/contribution/needs/" + id, "notice.contrib.needClosed",
                () -> contributions.setNeedStatus(user, id, version(params), Contributions.Status.CLOSED));
    }

    @PostMapping("/needs/{id}/reopen")
    String reopenNeed(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                      RedirectAttributes redirect) {
        return act(redirect, "/my/contribution/needs/" + id, "notice.contrib.needPublished",
                () -> contributions.setNeedStatus(user, id, version(params), Contributions.Status.PUBLISHED));
    }

    private String needForm(SignedInUser user, Contributions.Need need, Model model, Map<String, String> typed, InvalidInputException errors,
                            Locale locale) {
        model.addAttribute("need", need);
        model.addAttribute("groups", contributions.registeredGroups(user.accountId()));
        model.addAttribute("suggestions", need == null || need.status() != Contributions.Status.PUBLISHED || need.hidden() ? List.of()
                : contributions.offersFor(need, locale));
        model.addAttribute("cooperations", need == null ? 0 : contributions.cooperationsOfNeed(need.id()));
        form(model, typed, errors);
        return "volunteering/need-form";
    }

    private static Contributions.NeedInput needInput(MultiValueMap<String, String> p) {
        return new Contributions.NeedInput(p.getFirst("groupId"), p.getFirst("kind"), p.getFirst("title"), p.getFirst("description"),
                p.getOrDefault("fields", List.of()), p.getFirst("area"), p.getFirst("neededBy"));
    }

    // ---- Conversations ----

    @GetMapping("/conversations/new")
    String newConversation(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long offer,
                           @RequestParam(required = false) Long need, Model model) {
        return conversationForm(user, offer, need, model, new HashMap<>(), null);
    }

    @PostMapping("/conversations/new")
    String startConversation(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long offer,
                             @RequestParam(required = false) Long need, @RequestParam Map<String, String> params, Model model,
                             RedirectAttributes redirect) {
        try {
            long id = conversations.start(user, offer, need, params.get("groupId"), params.get("body"));
            redirect.addFlashAttribute("notice", "notice.contrib.messageSent");
            return "redirect:/my/contribution/conversations/" + id;
        } catch (InvalidInputException e) {
            return conversationForm(user, offer, need, model, params, e);
        }
    }

    private String conversationForm(SignedInUser user, Long offer, Long need, Model model, Map<String, String> typed, InvalidInputException errors) {
        Conversations.Opening opening = conversations.opening(user.accountId(), offer, need);
        model.addAttribute("opening", opening);
        model.addAttribute("offerId", offer);
        model.addAttribute("needId", need);
        if (!typed.containsKey("groupId") && opening.myGroups().size() == 1) {
            typed = new HashMap<>(typed);
            typed.put("groupId", String.valueOf(opening.myGroups().getFirst().id()));
        }
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/conversation-new";
    }

    @GetMapping("/conversations/{id}")
    String conversation(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return conversationPage(user, id, model, new HashMap<>(), null);
    }

    @PostMapping("/conversations/{id}")
    String reply(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                 RedirectAttributes redirect) {
        try {
            conversations.reply(user, id, params.get("body"));
        } catch (InvalidInputException e) {
            return conversationPage(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.contrib.messageSent");
        return "redirect:/my/contribution/conversations/" + id;
    }

    @PostMapping("/conversations/{id}/agree")
    String agree(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                 RedirectAttributes redirect) {
        try {
            conversations.agree(user, id, params.get("summary"));
        } catch (InvalidInputException e) {
            return conversationPage(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.contrib.agreed");
        return "redirect:/my/contribution/conversations/" + id;
    }

    private String conversationPage(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Conversations.Conversation c = conversations.forParticipant(id, user.accountId());
        model.addAttribute("c", c);
        model.addAttribute("ownGroupId", conversations.ownSide(c, user.accountId()));
        model.addAttribute("messages", conversations.messages(id));
        model.addAttribute("cooperation", conversations.cooperation(id).orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/conversation";
    }

    // ---- Helpers ----

    private void form(Model model, Map<String, String> typed, InvalidInputException errors) {
        ContributionController.labels(contributions, model);
        Set<String> checked = new LinkedHashSet<>();
        for (String key : List.of("fields", "areas")) {
            String v = typed.get(key);
            if (v != null && !v.isBlank()) {
                for (String c : v.split(",")) {
                    checked.add(key + ":" + c);
                }
            }
        }
        model.addAttribute("checked", checked);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
    }

    /** What was typed, one value per field (the chosen fields and areas joined by commas). */
    private static Map<String, String> typed(MultiValueMap<String, String> params) {
        Map<String, String> typed = new HashMap<>(params.toSingleValueMap());
        typed.put("fields", String.join(",", params.getOrDefault("fields", List.of())));
        typed.put("areas", String.join(",", params.getOrDefault("areas", List.of())));
        return typed;
    }

    private static long version(MultiValueMap<String, String> params) {
        Long v = Contributions.id(params.getFirst("version"));
        return v == null ? -1 : v;
    }

    private static String act(RedirectAttributes redirect, String back, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:" + back;
    }
}
