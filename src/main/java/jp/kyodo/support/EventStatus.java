package jp.kyodo.support;

import java.util.Map;

/**
 * An endorsement or co-hosting application: SUBMITTED ──approve──▶ APPROVED ──report──▶ REPORTED ──acceptReport──▶ CLOSED;
 * SUBMITTED ──refuse──▶ REFUSED; SUBMITTED ──cancel──▶ CANCELLED (by the applicant); APPROVED ──withdraw──▶ WITHDRAWN
 * (the city withdraws its approval, with a reason). Every other move is refused.
 */
public enum EventStatus {
    SUBMITTED, APPROVED, REFUSED, CANCELLED, WITHDRAWN, REPORTED, CLOSED;

    enum Move { APPROVE, REFUSE, CANCEL, WITHDRAW, REPORT, ACCEPT_REPORT }

    private static final Map<EventStatus, Map<Move, EventStatus>> MOVES = Map.of(
            SUBMITTED, Map.of(Move.APPROVE, APPROVED, Move.REFUSE, REFUSED, Move.CANCEL, CANCELLED),
            APPROVED, Map.of(Move.WITHDRAW, WITHDRAWN, Move.REPORT, REPORTED),
            REPORTED, Map.of(Move.ACCEPT_REPORT, CLOSED));

    EventStatus after(Move move) {
        EventStatus next = MOVES.getOrDefault(this, Map.of()).get(move);
        if (next == null) {
            throw new IllegalStateException("An application in " + this + " cannot " + move);
        }
        return next;
    }
}
