package jp.kyodo.audit;

import java.time.LocalDate;

/** Filters for browsing the audit log; every field is optional. */
public record AuditQuery(String actor, String action, String recordType, String recordId,
                         LocalDate from, LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
