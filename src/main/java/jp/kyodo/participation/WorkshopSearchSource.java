package jp.kyodo.participation;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import jp.kyodo.shared.FiscalYear;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The published (or cancelled) workshops, never a draft nor a registrant, as search documents, for rebuilding the index. */
@Component
class WorkshopSearchSource implements SearchSource {

    static final String TYPE = "workshop";

    private final Workshops workshops;

    WorkshopSearchSource(Workshops workshops) {
        this.workshops = workshops;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return workshops.publicList().stream().map(WorkshopSearchSource::document);
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        try {
            return Optional.of(document(workshops.published(Long.parseLong(id))));
        } catch (ResponseStatusException notFound) {
            return Optional.empty();
        }
    }

    /** What the public page shows, the outputs once published; facets: status, fiscal year, department. */
    static SearchDocument document(Workshops.Workshop w) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("status", List.of(w.status() == Workshops.Status.CANCELLED ? "cancelled" : "published"));
        facets.put("fiscalYear", List.of(String.valueOf(FiscalYear.of(w.heldOn()).startYear())));
        facets.put("department", List.of(w.departmentName()));
        List<String> text = new ArrayList<>(List.of(w.when(), nz(w.theme()), nz(w.place()), nz(w.target()), nz(w.notes()),
                w.departmentName()));
        if (w.outputsPublishedAt() != null) {
            text.add(nz(w.recordText()));
            text.add(nz(w.cityResponse()));
        }
        return new SearchDocument(TYPE, String.valueOf(w.id()), w.title(), String.join("\n", text),
                "/participation/workshops/" + w.id(), facets, w.heldOn().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
