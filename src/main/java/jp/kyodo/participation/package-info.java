/**
 * Citizen participation (市民参画): public comment on the city's drafts, councils and their calls for public members,
 * workshops. Depends on the shared kernel, accounts, the audit log and notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen participation",
        allowedDependencies = {"shared", "accounts", "audit", "notifications"})
package jp.kyodo.participation;
