/**
 * Notifications: e-mail through a transactional outbox with a retrying sender, and the administrators' view of it.
 * Depends on the shared kernel and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared", "audit"})
package jp.kyodo.notifications;
