package jp.kyodo.audit;

import java.time.Instant;

/** A read-only view of one audit log line. */
public record AuditRecord(Long id, Instant occurredAt, Long actorId, String actorName, String action,
                          String recordType, String recordId, String summary) {
}
