package jp.kyodo.publishing;

import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The news public now as search documents, for rebuilding the index; and the job that indexes scheduled items once
 * their publication time has come (the pages and the feed filter on the time by themselves).
 */
@Component
class NewsSearchSource implements SearchSource {

    private final NewsDesk desk;

    NewsSearchSource(NewsDesk desk) {
        this.desk = desk;
    }

    @Override
    public String type() {
        return NewsDesk.SEARCH_TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return desk.searchable().stream();
    }


    @Override
    public java.util.Optional<SearchDocument> current(String id) {
        return desk.searchable(Long.parseLong(id));
    }

    @Scheduled(fixedDelayString = "${kyodo.publishing.news-index-delay:PT1M}", initialDelayString = "PT30S")
    void indexDue() {
        desk.indexDue();
    }
}
