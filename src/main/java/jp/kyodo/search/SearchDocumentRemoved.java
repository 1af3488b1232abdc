package jp.kyodo.search;

import java.util.Objects;

/**
 * A record must no longer be found (deleted, unpublished or made private): published inside the transaction that
 * changed it, removed from the index after the commit.
 */
public record SearchDocumentRemoved(String type, String id) {

    public SearchDocumentRemoved {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
