package jp.kyodo.accounts;

/** What a person may do on the portal. Group roles (代表者, 担当者, 会員) belong to the registry, not here. */
public enum Role {
    /** Any signed-up person (市民). */
    RESIDENT,
    /** City staff belonging to a department (担当課). */
    STAFF,
    /** Member of a screening committee (審査委員). */
    COMMITTEE,
    /** Administrator at the secretariat (市民活動推進課). */
    ADMIN;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
