package jp.kyodo.groups;

import java.util.List;
import java.util.Locale;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.stereotype.Service;

/** Finds registered groups for the public directory, the API and the open data: public information only. */
@Service
class GroupDirectory {

    /** What a visitor asks for; every part is optional. */
    record Query(String q, GroupType type, String field, String area, boolean welcomes) {
    }

    private final GroupRegistry registry;

    GroupDirectory(GroupRegistry registry) {
        this.registry = registry;
    }

    List<PublicGroup> find(Query query) {
        String key = query.q() == null || query.q().isBlank() ? null : TextNormalizer.searchKey(query.q()).toLowerCase(Locale.ROOT);
        return registry.listed().stream()
                .filter(g -> query.type() == null || g.type() == query.type())
                .filter(g -> blank(query.field()) || g.fields().stream().anyMatch(f -> f.code().equals(query.field())))
                .filter(g -> blank(query.area()) || (g.area() != null && g.area().code().equals(query.area())))
                .filter(g -> !query.welcomes() || g.welcomesMembers() || g.welcomesVolunteers())
                .filter(g -> key == null || matches(g, key))
                .toList();
    }

    private static boolean matches(PublicGroup g, String key) {
        String haystack = TextNormalizer.searchKey(String.join(" ",
                nz(g.name()), nz(g.nameKana()), nz(g.purpose()), nz(g.activities()),
                String.join(" ", g.fields().stream().map(Choice::name).toList()),
                g.area() == null ? "" : g.area().name())).toLowerCase(Locale.ROOT);
        for (String word : key.split("\\s+")) {
            if (!word.isBlank() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
