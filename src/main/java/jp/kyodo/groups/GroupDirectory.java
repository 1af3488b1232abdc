package jp.kyodo.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.springframework.stereotype.Service;

/**
 * Finds registered groups for the public directory and the API through the site-wide Japanese search, and
 * lists them all for the open data: public information only.
 */
@Service
class GroupDirectory {

    /** What a visitor asks for; every part is optional. */
    record Query(String q, GroupType type, String field, String area, boolean welcomes) {
    }

    /** One page of groups found, and how many there are in all. */
    record Found(List<PublicGroup> groups, long total, int page, int size) {

        int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final GroupRegistry registry;
    private final SearchIndex search;

    GroupDirectory(GroupRegistry registry, SearchIndex search) {
        this.registry = registry;
        this.search = search;
    }

    Found find(Query query, int page, int size) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (query.type() != null) {
            filters.put("groupType", List.of(query.type().name()));
        }
        if (query.field() != null && !query.field().isBlank()) {
            filters.put("field", List.of(query.field()));
        }
        if (query.area() != null && !query.area().isBlank()) {
            filters.put("area", List.of(query.area()));
        }
        if (query.welcomes()) {
            filters.put("welcomes", List.of("true"));
        }
        boolean words = query.q() != null && !query.q().isBlank();
        SearchResult result = search.search(new SearchQuery(GroupSearchSource.TYPE, query.q(), filters,
                words ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.TITLE, Math.max(page, 0), size));
        // The index may lag a moment behind a change; the database has the last word on what is listed.
        List<PublicGroup> groups = registry.listed(result.hits().stream().map(hit -> Long.parseLong(hit.id())).toList());
        return new Found(groups, result.total(), result.page(), result.size());
    }

    List<PublicGroup> all() {
        return registry.listed();
    }
}
