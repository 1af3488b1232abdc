package jp.kyodo.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.stereotype.Component;

/** The registered groups as search documents (public information only), for rebuilding the index. */
@Component
class GroupSearchSource implements SearchSource {

    static final String TYPE = "group";

    private final GroupRegistry registry;
    private final jp.kyodo.search.SearchIndex index;

    GroupSearchSource(GroupRegistry registry, jp.kyodo.search.SearchIndex index) {
        this.registry = registry;
        this.index = index;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return registry.listedInBatches().map(GroupSearchSource::document);
    }


    @Override
    public java.util.Optional<SearchDocument> current(String id) {
        return registry.listed(Long.parseLong(id)).map(GroupSearchSource::document);
    }

    /** After a field or area is renamed, the groups carrying it are found by their new name (and no longer the old). */
    @org.springframework.transaction.event.TransactionalEventListener
    void reindex(ReferenceData.Renamed renamed) {
        registry.listed().stream()
                .filter(g -> "field".equals(renamed.list())
                        ? g.fields().stream().anyMatch(f -> f.code().equals(renamed.code()))
                        : g.area() != null && g.area().code().equals(renamed.code()))
                .map(GroupSearchSource::document)
                .forEach(index::put);
    }

    static SearchDocument document(PublicGroup g) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("groupType", List.of(g.type().name()));
        facets.put("field", g.fields().stream().map(Choice::code).toList());
        if (g.area() != null) {
            facets.put("area", List.of(g.area().code()));
        }
        facets.put("welcomes", List.of(String.valueOf(g.welcomesMembers() || g.welcomesVolunteers())));
        String text = String.join("\n", nz(g.nameKana()), nz(g.purpose()), nz(g.activities()),
                String.join(" ", g.fields().stream().map(Choice::name).toList()), g.area() == null ? "" : g.area().name(),
                nz(g.meetingPlace()));
        return new SearchDocument(TYPE, String.valueOf(g.id()), g.name(), text, "/groups/" + g.id(), facets,
                g.registeredOn() == null ? null : g.registeredOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
