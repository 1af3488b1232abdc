package jp.kyodo.volunteering;

import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.stereotype.Component;

/** The published, visible volunteer opportunities as search documents, for rebuilding the index. */
@Component
class OpportunitySearchSource implements SearchSource {

    private final Opportunities opportunities;

    OpportunitySearchSource(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String type() {
        return Opportunities.SEARCH_TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return opportunities.searchable().stream();
    }


    @Override
    public java.util.Optional<SearchDocument> current(String id) {
        return opportunities.find(Long.parseLong(id))
                .filter(o -> o.status() == Opportunities.Status.PUBLISHED && !o.hidden())
                .map(opportunities::document);
    }
}
