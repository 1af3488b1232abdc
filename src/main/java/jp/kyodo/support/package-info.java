/**
 * The other forms of collaboration: the city's endorsement and co-hosting of events, subsidy programmes and
 * their grants, and the records of commissioned work and cooperation agreements. Depends on the shared kernel,
 * accounts, the audit log, notifications, the group registry and documents (notices as PDF).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Other forms of collaboration",
        allowedDependencies = {"shared", "accounts", "audit", "notifications", "groups", "documents"})
package jp.kyodo.support;
