package jp.kyodo.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The site-wide search page: without a kind, the best few hits of each kind with their counts; with a kind, its
 * filters and every hit page by page. One URL, two renderings: the whole page, or the results alone for htmx.
 */
@Controller
class SearchController {

    /** Hits shown per kind when every kind is shown. */
    static final int PER_KIND = 3;
    /** Hits per page within one kind. */
    static final int PAGE_SIZE = 10;
    // Fewer hits than this and the page offers corrections ("もしかして").
    private static final int FEW = 3;
    private static final int MAX_FILTER_VALUES = 30;
    private static final String FACET_PARAM = "f.";

    // Kinds in the order a resident most often looks for them; kinds not listed follow in alphabetical order.
    private static final List<String> ORDER = List.of("group", "call", "project", "case-study", "news", "public-comment",
            "workshop", "council-meeting", "course", "opportunity");
    // Facets whose values are codes that only their module can name; the module's own page filters by them.
    private static final Map<String, Set<String>> UNNAMED_FACETS = Map.of(
            "group", Set.of("field", "area"), "opportunity", Set.of("field", "area"));

    private final SearchIndex index;
    private final MessageSource messages;

    SearchController(SearchIndex index, MessageSource messages) {
        this.index = index;
        this.messages = messages;
    }

    /** A piece of a title or snippet; marked pieces matched the words searched. */
    record Piece(String text, boolean marked) {
    }

    /** One hit as the page lists it. */
    record HitView(String type, String typeLabel, String url, List<Piece> title, List<Piece> snippet) {
    }

    /** The best hits of one kind, with how many there are in all and where to see them all. */
    record KindSection(String type, String label, long total, List<HitView> hits, String allUrl) {
    }

    /** A kind to choose, with its count. */
    record KindChoice(String type, String label, long count, boolean selected, String url) {
    }

    /** One value of a facet filter, with its count. */
    record FilterValue(String value, String label, long count, boolean selected) {
    }

    /** A facet filter (a select of values). */
    record Filter(String name, String label, List<FilterValue> values) {
    }

    /** A chosen filter, shown with a link that removes it. */
    record ActiveFilter(String label, String removeUrl) {
    }

    /** A corrected query, with its link. */
    record Suggestion(String text, String url) {
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String type,
                  @RequestParam(defaultValue = "RELEVANCE") String sort, @RequestParam(defaultValue = "0") int page,
                  @RequestParam MultiValueMap<String, String> params,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore, Locale locale, Model model) {
        String text = q.strip();
        String kind = type == null || type.isBlank() ? null : type.strip();
        SearchQuery.Sort order = sortOf(sort);
        Map<String, List<String>> filters = filters(params);
        // The form's filters belong to the kind it showed: choosing another kind starts without them.
        String filtersOf = params.getFirst("filtersOf");
        if (kind == null || (filtersOf != null && !filtersOf.equals(kind))) {
            filters = Map.of();
        }
        State state = new State(text, kind, order, filters);
        model.addAttribute("q", text);
        model.addAttribute("type", kind);
        model.addAttribute("sort", order.name());
        model.addAttribute("sorts", SearchQuery.Sort.values());
        model.addAttribute("searched", !text.isEmpty() || kind != null);
        model.addAttribute("filterParams", filters);

        List<String> types = orderedTypes();
        List<KindChoice> kinds = new ArrayList<>();
        long total = 0;
        List<KindSection> sections = new ArrayList<>();
        for (String t : types) {
            SearchResult best = index.search(new SearchQuery(t, text, t.equals(kind) ? filters : Map.of(), order, 0, PER_KIND));
            if (best.total() == 0 && !t.equals(kind)) {
                continue;
            }
            kinds.add(new KindChoice(t, typeLabel(t, locale), best.total(), t.equals(kind), state.withKind(t).url()));
            if (kind == null) {
                total += best.total();
                sections.add(new KindSection(t, typeLabel(t, locale), best.total(), views(best, text, locale), state.withKind(t).url()));
            }
        }
        model.addAttribute("kinds", kinds);
        model.addAttribute("allKindsUrl", state.withKind(null).url());
        model.addAttribute("typeLabel", kind == null ? null : typeLabel(kind, locale));
        if (kind != null) {
            SearchResult result = index.search(new SearchQuery(kind, text, filters, order, Math.max(0, page), PAGE_SIZE));
            total = result.total();
            model.addAttribute("hits", views(result, text, locale));
            model.addAttribute("page", result.page());
            model.addAttribute("pages", result.totalPages());
            model.addAttribute("previousUrl", result.page() > 0 ? state.url(result.page() - 1) : null);
            model.addAttribute("nextUrl", result.hasNext() ? state.url(result.page() + 1) : null);
            model.addAttribute("filters", facetFilters(kind, new SearchQuery(kind, text, filters, order, 0, 1), locale));
            model.addAttribute("activeFilters", activeFilters(state, locale));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("total", total);
        if (!text.isEmpty() && total < FEW) {
            model.addAttribute("suggestions", index.suggest(text, kind).stream()
                    .map(s -> new Suggestion(s, state.withText(s).url())).toList());
        }
        // htmx restoring a page missing from its history cache asks for the whole page.
        return htmx != null && historyRestore == null ? "search/search :: results" : "search/search";
    }

    private List<String> orderedTypes() {
        List<String> present = new ArrayList<>(index.types());
        present.sort(Comparator.comparingInt((String t) -> ORDER.contains(t) ? ORDER.indexOf(t) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        return present;
    }

    private List<HitView> views(SearchResult result, String text, Locale locale) {
        return result.hits().stream().map(hit -> new HitView(hit.type(), typeLabel(hit.type(), locale), hit.url(),
                pieces(hit.title(), text), pieces(hit.snippet(), text))).toList();
    }

    private List<Piece> pieces(String shown, String text) {
        return index.highlight(shown, text).stream().map(s -> new Piece(s.text(), s.marked())).toList();
    }

    private List<Filter> facetFilters(String kind, SearchQuery query, Locale locale) {
        List<Filter> filters = new ArrayList<>();
        for (String facet : index.facetNames()) {
            String label = messages.getMessage("search.facet." + facet, null, null, locale);
            if (label == null || UNNAMED_FACETS.getOrDefault(kind, Set.of()).contains(facet)) {
                continue;
            }
            Map<String, Long> counts = index.facetCounts(query, facet);
            if (counts.isEmpty()) {
                continue;
            }
            List<String> chosen = query.filters().getOrDefault(facet, List.of());
            // The most frequent values first (a chosen one always), then in the order people read them.
            List<FilterValue> values = counts.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> !chosen.contains(e.getKey()))
                            .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed()))
                    .limit(MAX_FILTER_VALUES)
                    .map(e -> new FilterValue(e.getKey(), valueLabel(facet, e.getKey(), locale), e.getValue(), chosen.contains(e.getKey())))
                    .sorted(Comparator.comparing(FilterValue::label, facet.equals("fiscalYear") ? Comparator.reverseOrder() : Comparator.naturalOrder()))
                    .toList();
            filters.add(new Filter(facet, label, values));
        }
        return filters;
    }

    private List<ActiveFilter> activeFilters(State state, Locale locale) {
        List<ActiveFilter> active = new ArrayList<>();
        state.filters().forEach((facet, values) -> values.forEach(value -> active.add(new ActiveFilter(
                messages.getMessage("search.facet." + facet, null, facet, locale) + ": " + valueLabel(facet, value, locale),
                state.without(facet, value).url()))));
        return active;
    }

    private String typeLabel(String type, Locale locale) {
        return messages.getMessage("search.type." + type, null, type, locale);
    }

    String valueLabel(String facet, String value, Locale locale) {
        String label = messages.getMessage("search.facet." + facet + "." + value, null, null, locale);
        if (label != null) {
            return label;
        }
        if (facet.equals("fiscalYear")) {
            return messages.getMessage("search.fiscalYear", new Object[] {value}, value, locale);
        }
        if (facet.equals("groupType")) {
            return messages.getMessage("groupType." + value, null, value, locale);
        }
        return value;
    }

    private static SearchQuery.Sort sortOf(String sort) {
        try {
            return SearchQuery.Sort.valueOf(sort);
        } catch (IllegalArgumentException e) {
            return SearchQuery.Sort.RELEVANCE;
        }
    }

    private static Map<String, List<String>> filters(MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FACET_PARAM) && name.length() > FACET_PARAM.length()) {
                List<String> chosen = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
                if (!chosen.isEmpty()) {
                    filters.put(name.substring(FACET_PARAM.length()), chosen);
                }
            }
        });
        return filters;
    }

    /** The search as asked, to build the links that change one part of it and keep the rest. */
    private record State(String text, String kind, SearchQuery.Sort sort, Map<String, List<String>> filters) {

        State withKind(String other) {
            return new State(text, other, sort, Map.of());
        }

        State withText(String other) {
            return new State(other, kind, sort, filters);
        }

        State without(String facet, String value) {
            Map<String, List<String>> rest = new LinkedHashMap<>(filters);
            List<String> values = new ArrayList<>(rest.getOrDefault(facet, List.of()));
            values.remove(value);
            if (values.isEmpty()) {
                rest.remove(facet);
            } else {
                rest.put(facet, values);
            }
            return new State(text, kind, sort, rest);
        }

        String url() {
            return url(0);
        }

        String url(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
            if (!text.isEmpty()) {
                uri.queryParam("q", text);
            }
            if (kind != null) {
                uri.queryParam("type", kind);
            }
            if (sort != SearchQuery.Sort.RELEVANCE) {
                uri.queryParam("sort", sort.name());
            }
            filters.forEach((facet, values) -> values.forEach(v -> uri.queryParam(FACET_PARAM + facet, v)));
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.build().encode().toUriString();
        }
    }
}
