package jp.kyodo.collaboration;

/** Who sets the subject of a call: groups propose their own projects, or a department publishes a theme. */
public enum CallOrigin {
    /** 市民提案型協働事業: the yearly call for resident-proposed projects. */
    GROUP,
    /** 行政提案型協働事業: a department's theme. */
    CITY
}
