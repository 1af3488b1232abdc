/**
 * The audit log: who did what to which record and when, written in the same transaction as the change.
 * Depends on the shared kernel only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package jp.kyodo.audit;
