package jp.kyodo.publishing;

import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.stereotype.Component;

/** The published case studies as search documents (facets: form, field, fiscal year), for rebuilding the index. */
@Component
class CaseStudySearchSource implements SearchSource {

    private final CaseStudies cases;

    CaseStudySearchSource(CaseStudies cases) {
        this.cases = cases;
    }

    @Override
    public String type() {
        return CaseStudies.SEARCH_TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return cases.searchable().stream();
    }


    @Override
    public java.util.Optional<SearchDocument> current(String id) {
        return cases.searchable(Long.parseLong(id));
    }
}
