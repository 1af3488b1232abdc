package jp.kyodo.collaboration;

/** A call is prepared, then published (and open during its application period), then closed. */
public enum CallStatus {
    DRAFT, PUBLISHED, CLOSED
}
