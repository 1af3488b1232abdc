package jp.kyodo.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the city profile and the links of the language switch. */
@ControllerAdvice
class LayoutModel {

    private final CityProfile city;

    LayoutModel(CityProfile city) {
        this.city = city;
    }

    @ModelAttribute("city")
    CityProfile city() {
        return city;
    }

    /** The signed-in person's name for the header, or null when nobody is signed in. */
    @ModelAttribute("currentUserName")
    String currentUserName(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getPrincipal() instanceof Actor actor ? actor.displayName() : authentication.getName();
    }

    @ModelAttribute("langJa")
    String langJa(HttpServletRequest request) {
        return withLang(request, "ja");
    }

    @ModelAttribute("langEn")
    String langEn(HttpServletRequest request) {
        return withLang(request, "en");
    }

    /** The current page's address with {@code lang} set; an error page links to the address that failed. */
    static String withLang(HttpServletRequest request, String lang) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed.toString() : request.getRequestURI();
        String query = failed != null ? null : request.getQueryString();
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("lang=") && !p.equals("continue"))
                .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + lang;
    }
}
