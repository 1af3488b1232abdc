/**
 * Training courses (講座・講習会) that grow local leaders, and staff training: series of sessions, registration with a
 * waiting list, attendance, completion certificates and feedback. Depends on the shared kernel, accounts, the registry,
 * documents, the audit log, notifications and search (published courses are indexed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training courses",
        allowedDependencies = {"shared", "accounts", "groups", "documents", "audit", "notifications", "search"})
package jp.kyodo.training;
