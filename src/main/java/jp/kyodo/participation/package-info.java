/**
 * Citizen participation (市民参画): public comment on the city's drafts, councils and their calls for public members,
 * workshops. Depends on the shared kernel, accounts, the audit log, notifications and search (its public records are indexed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen participation",
        allowedDependencies = {"shared", "accounts", "audit", "notifications", "search"})
package jp.kyodo.participation;
