package jp.kyodo.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One public record as the search index sees it. Everything in it can be shown to anyone who searches, so only
 * information that is already public goes in: never personal data, contact details of private persons, internal
 * notes or records that are not (or no longer) published.
 *
 * @param type      kind of record, e.g. {@code "group"}; documents are unique by type and id
 * @param id        the record's id within its type
 * @param title     shown as the hit's heading and used for sorting by title
 * @param text      the searchable body (description, activities…); the snippet is taken from it
 * @param url       where the hit links to, relative to the portal, e.g. {@code "/groups/12"}
 * @param facets    exact-match attributes to filter on, e.g. {@code {"field": ["子育て支援", "防災"], "area": ["本庄地区"]}}
 * @param updatedAt when the record last changed, for sorting by newest; may be {@code null}
 */
public record SearchDocument(String type, String id, String title, String text, String url,
                             Map<String, List<String>> facets, Instant updatedAt) {

    public SearchDocument {
        requireText(type, "type");
        requireText(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        facets = copyOf(facets);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A search document needs a " + name);
        }
    }

    // Keeps the caller's order of facet names but drops null names and values, so that the index never sees them.
    static Map<String, List<String>> copyOf(Map<String, List<String>> facets) {
        if (facets == null || facets.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        facets.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.put(name, values.stream().filter(Objects::nonNull).toList());
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
