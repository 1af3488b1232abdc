package jp.kyodo.collaboration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.groups.Choice;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.stereotype.Component;

/** The published and closed calls and themes (never drafts) as search documents, for rebuilding the index. */
@Component
class CallSearchSource implements SearchSource {

    static final String TYPE = "call";

    private final CallRepository calls;
    private final CallManagement management;

    CallSearchSource(CallRepository calls, CallManagement management) {
        this.calls = calls;
        this.management = management;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return calls.findAll().stream().filter(c -> c.status() != CallStatus.DRAFT).map(management::view)
                .map(CallSearchSource::document);
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        return calls.findById(Long.parseLong(id)).filter(c -> c.status() != CallStatus.DRAFT).map(management::view)
                .map(CallSearchSource::document);
    }

    /** What the public page of the call shows, and facets: status, fiscal year, origin, fields, area, forms. */
    static SearchDocument document(CallView c) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("status", List.of(c.status() == CallStatus.CLOSED ? "closed" : "open"));
        facets.put("fiscalYear", List.of(String.valueOf(c.fiscalYear())));
        facets.put("origin", List.of(c.origin().name()));
        facets.put("field", c.fields().stream().map(Choice::name).toList());
        if (c.area() != null) {
            facets.put("area", List.of(c.area().name()));
        }
        facets.put("form", c.forms().stream().map(Enum::name).sorted().toList());
        List<String> text = new ArrayList<>(List.of(nz(c.departmentName()), nz(c.background()), nz(c.expectedOutcome()),
                nz(c.rules())));
        c.fields().stream().map(Choice::name).forEach(text::add);
        if (c.area() != null) {
            text.add(c.area().name());
        }
        Instant updated = c.applicationOpens() == null ? null : c.applicationOpens().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new SearchDocument(TYPE, String.valueOf(c.id()), c.title(),
                String.join("\n", text.stream().filter(Objects::nonNull).toList()), "/collaboration/calls/" + c.id(), facets, updated);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
