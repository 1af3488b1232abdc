/**
 * The civic activity centre (市民活動交流センター): its rooms and bookings, and the external advisors (外部専門家アドバイザー)
 * who consult with groups. Depends on the shared kernel, accounts, the registry, documents, the audit log and notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Civic activity centre",
        allowedDependencies = {"shared", "accounts", "groups", "documents", "audit", "notifications"})
package jp.kyodo.centre;
