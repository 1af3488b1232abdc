package jp.kyodo.search;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the other modules: their events after each commit (kept in the event publication
 * registry until indexed, and so republished after a crash), and their sources for types the index lacks at start-up.
 */
@Component
class SearchIndexing {

    private final SearchIndex index;

    SearchIndexing(SearchIndex index) {
        this.index = index;
    }

    @ApplicationModuleListener
    public void on(SearchDocumentChanged event) {
        index.follow(event.document().type(), event.document().id(), event.document());
    }

    @ApplicationModuleListener
    public void on(SearchDocumentRemoved event) {
        index.follow(event.type(), event.id(), null);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fillEmptyTypes() {
        index.rebuildEmptyTypes();
    }
}
