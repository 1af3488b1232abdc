package jp.kyodo.support;

import java.util.Map;

/**
 * A subsidy grant: SUBMITTED ──grant──▶ GRANTED ──report──▶ REPORTED ──finalise──▶ FINALISED ──pay──▶ PAID;
 * SUBMITTED ──refuse──▶ REFUSED; SUBMITTED ──withdraw──▶ WITHDRAWN (by the applicant); GRANTED ──requestChange──▶
 * CHANGE_REQUESTED ──decideChange──▶ GRANTED; GRANTED | CHANGE_REQUESTED ──discontinue──▶ DISCONTINUED (中止・廃止, the
 * reserved amount returns to the budget). Every other move is refused.
 */
public enum GrantStatus {
    SUBMITTED, GRANTED, REFUSED, WITHDRAWN, CHANGE_REQUESTED, REPORTED, FINALISED, PAID, DISCONTINUED;

    enum Move { GRANT, REFUSE, WITHDRAW, REQUEST_CHANGE, DECIDE_CHANGE, REPORT, FINALISE, PAY, DISCONTINUE }

    private static final Map<GrantStatus, Map<Move, GrantStatus>> MOVES = Map.of(
            SUBMITTED, Map.of(Move.GRANT, GRANTED, Move.REFUSE, REFUSED, Move.WITHDRAW, WITHDRAWN),
            GRANTED, Map.of(Move.REQUEST_CHANGE, CHANGE_REQUESTED, Move.REPORT, REPORTED, Move.DISCONTINUE, DISCONTINUED),
            CHANGE_REQUESTED, Map.of(Move.DECIDE_CHANGE, GRANTED, Move.DISCONTINUE, DISCONTINUED),
            REPORTED, Map.of(Move.FINALISE, FINALISED),
            FINALISED, Map.of(Move.PAY, PAID));

    GrantStatus after(Move move) {
        GrantStatus next = MOVES.getOrDefault(this, Map.of()).get(move);
        if (next == null) {
            throw new IllegalStateException("A grant in " + this + " cannot " + move);
        }
        return next;
    }
}
