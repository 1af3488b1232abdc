package jp.kyodo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every move from every state of the two applications: the legal ones lead where they should, all others are refused. */
class StateMachinesTest {

    @Test
    void eventApplications() {
        Map<EventStatus, Map<EventStatus.Move, EventStatus>> legal = Map.of(
                EventStatus.SUBMITTED, Map.of(EventStatus.Move.APPROVE, EventStatus.APPROVED, EventStatus.Move.REFUSE, EventStatus.REFUSED,
                        EventStatus.Move.CANCEL, EventStatus.CANCELLED),
                EventStatus.APPROVED, Map.of(EventStatus.Move.WITHDRAW, EventStatus.WITHDRAWN, EventStatus.Move.REPORT, EventStatus.REPORTED),
                EventStatus.REPORTED, Map.of(EventStatus.Move.ACCEPT_REPORT, EventStatus.CLOSED));
        int checked = 0;
        for (EventStatus from : EventStatus.values()) {
            for (EventStatus.Move move : EventStatus.Move.values()) {
                EventStatus expected = legal.getOrDefault(from, Map.of()).get(move);
                if (expected != null) {
                    assertThat(from.after(move)).as(from + " " + move).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> from.after(move)).as(from + " " + move).isInstanceOf(IllegalStateException.class);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(EventStatus.values().length * EventStatus.Move.values().length);
        assertThat(Set.of(EventStatus.REFUSED, EventStatus.CANCELLED, EventStatus.WITHDRAWN, EventStatus.CLOSED))
                .allSatisfy(end -> assertThat(legal).doesNotContainKey(end));
    }

    @Test
    void grants() {
        Map<GrantStatus, Map<GrantStatus.Move, GrantStatus>> legal = Map.of(
                GrantStatus.SUBMITTED, Map.of(GrantStatus.Move.GRANT, GrantStatus.GRANTED, GrantStatus.Move.REFUSE, GrantStatus.REFUSED,
                        GrantStatus.Move.WITHDRAW, GrantStatus.WITHDRAWN),
                GrantStatus.GRANTED, Map.of(GrantStatus.Move.REQUEST_CHANGE, GrantStatus.CHANGE_REQUESTED, GrantStatus.Move.REPORT, GrantStatus.REPORTED,
                        GrantStatus.Move.DISCONTINUE, GrantStatus.DISCONTINUED),
                GrantStatus.CHANGE_REQUESTED, Map.of(GrantStatus.Move.DECIDE_CHANGE, GrantStatus.GRANTED, GrantStatus.Move.DISCONTINUE, GrantStatus.DISCONTINUED),
                GrantStatus.REPORTED, Map.of(GrantStatus.Move.FINALISE, GrantStatus.FINALISED),
                GrantStatus.FINALISED, Map.of(GrantStatus.Move.PAY, GrantStatus.PAID));
        for (GrantStatus from : GrantStatus.values()) {
            for (GrantStatus.Move move : GrantStatus.Move.values()) {
                GrantStatus expected = legal.getOrDefault(from, Map.of()).get(move);
                if (expected != null) {
                    assertThat(from.after(move)).as(from + " " + move).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> from.after(move)).as(from + " " + move).isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }
}
