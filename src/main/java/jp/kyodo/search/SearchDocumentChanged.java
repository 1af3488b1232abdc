package jp.kyodo.search;

import java.util.Objects;

/**
 * A public record was created or changed: published by its module inside the transaction that changed it, indexed
 * by the search module after the commit (kept in the event publication registry until then).
 */
public record SearchDocumentChanged(SearchDocument document) {

    public SearchDocumentChanged {
        Objects.requireNonNull(document, "document");
    }
}
