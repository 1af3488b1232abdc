/**
 * Training courses (講座・講習会) that grow local leaders, and staff training: series of sessions, registration with a
 * waiting list, attendance, completion certificates and feedback. Depends on the shared kernel, accounts, the registry,
 * documents, the audit log and notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training courses",
        allowedDependencies = {"shared", "accounts", "groups", "documents", "audit", "notifications"})
package jp.kyodo.training;
