package jp.kyodo.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a group's history. */
@Entity
@Table(name = "civic_group_history")
class GroupHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long groupId;

    @Column(nullable = false)
    private Instant occurredAt;

    private Long actorId;

    @Column(nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String event;

    private String message;

    protected GroupHistoryEntry() {
    }

    GroupHistoryEntry(long groupId, Instant occurredAt, Long actorId, String actorName, String event, String message) {
        this.groupId = groupId;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorName = actorName;
        this.event = event;
        this.message = message;
    }

    Instant occurredAt() { return occurredAt; }
    String actorName() { return actorName; }
    String event() { return event; }
    String message() { return message; }
}
