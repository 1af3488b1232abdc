/**
 * Notifications: e-mail through a transactional outbox with a retrying sender and the administrators' view of it; each
 * person's in-portal notices, their mail choices per kind with a daily digest, and follows of fields, areas and groups
 * that modules' announcements fan out to. Depends on the shared kernel and the audit log (the accounts and the
 * registry serve it through {@code NoticeRecipients} and {@code FollowTopics}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared", "audit"})
package jp.kyodo.notifications;
