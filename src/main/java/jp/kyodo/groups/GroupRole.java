package jp.kyodo.groups;

/** A person's role in a group. */
public enum GroupRole {
    /** 代表者. */
    REPRESENTATIVE,
    /** 担当者: manages the group's registration on the portal. */
    STAFF,
    /** 会員. */
    MEMBER;

    /** Whether the role may edit the group's registration and invite others. */
    public boolean manages() {
        return this != MEMBER;
    }
}
