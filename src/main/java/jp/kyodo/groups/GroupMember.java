package jp.kyodo.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An account's membership of a group. */
@Entity
@Table(name = "civic_group_member")
@IdClass(GroupMember.Key.class)
class GroupMember {

    record Key(Long groupId, Long accountId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private Long groupId;

    @Id
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupRole role;

    @Column(nullable = false)
    private Instant joinedAt;

    protected GroupMember() {
    }

    GroupMember(long groupId, long accountId, GroupRole role, Instant now) {
        this.groupId = groupId;
        this.accountId = accountId;
        this.role = role;
        this.joinedAt = now;
    }

    Long groupId() { return groupId; }
    Long accountId() { return accountId; }
    GroupRole role() { return role; }

    void changeRole(GroupRole newRole) {
        this.role = newRole;
    }
}
