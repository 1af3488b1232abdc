package jp.kyodo.volunteering;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Businesses' offers and groups' needs for everyone: the lists with filters, and each post with its suggested matches. */
@Controller
class ContributionController {

    private final Contributions contributions;

    ContributionController(Contributions contributions) {
        this.contributions = contributions;
    }

    @GetMapping("/contribution")
    String list(@RequestParam(required = false) String offerKind, @RequestParam(required = false) String needKind,
                @RequestParam(required = false) String field, @RequestParam(required = false) String area, Model model) {
        OfferKind ok = parse(OfferKind.class, offerKind);
        NeedKind nk = parse(NeedKind.class, needKind);
        model.addAttribute("offers", contributions.publicOffers(ok, field, area));
        model.addAttribute("needs", contributions.publicNeeds(nk, field, area));
        model.addAttribute("offerKind", ok == null ? "" : ok.name());
        model.addAttribute("needKind", nk == null ? "" : nk.name());
        model.addAttribute("field", field == null ? "" : field);
        model.addAttribute("area", area == null ? "" : area);
        labels(model);
        return "volunteering/contribution";
    }

    @GetMapping("/contribution/offers/{id}")
    String offer(@PathVariable long id, Locale locale, Model model) {
        Contributions.Offer o = contributions.publicOffer(id);
        model.addAttribute("o", o);
        model.addAttribute("listed", contributions.listed(o.groupId()));
        model.addAttribute("suggestions", o.status() == Contributions.Status.PUBLISHED ? contributions.needsFor(o, locale) : java.util.List.of());
        model.addAttribute("cooperations", contributions.cooperationsOfOffer(id));
        model.addAttribute("expired", o.validUntil() != null && o.validUntil().isBefore(contributions.today()));
        labels(model);
        return "volunteering/offer";
    }

    @GetMapping("/contribution/needs/{id}")
    String need(@PathVariable long id, Locale locale, Model model) {
        Contributions.Need n = contributions.publicNeed(id);
        model.addAttribute("n", n);
        model.addAttribute("listed", contributions.listed(n.groupId()));
        model.addAttribute("suggestions", n.status() == Contributions.Status.PUBLISHED ? contributions.offersFor(n, locale) : java.util.List.of());
        model.addAttribute("cooperations", contributions.cooperationsOfNeed(id));
        labels(model);
        return "volunteering/need";
    }

    private void labels(Model model) {
        labels(contributions, model);
    }

    /** The labels every page of posts needs, also for the owners' pages. */
    static void labels(Contributions contributions, Model model) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("fields", contributions.fields());
        model.addAttribute("areas", contributions.areas());
        model.addAttribute("fieldNames", contributions.fieldNames(locale));
        model.addAttribute("areaNames", contributions.areaNames(locale));
        model.addAttribute("offerKinds", OfferKind.values());
        model.addAttribute("needKinds", NeedKind.values());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
