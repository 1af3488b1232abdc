/**
 * The registry of civic groups (市民活動団体登録制度): application, review, registration, its people and the public directory.
 * Depends on the shared kernel, accounts, the audit log, notifications, search and documents (PDF).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Civic group registry",
        allowedDependencies = {"shared", "accounts", "audit", "notifications", "search", "documents"})
package jp.kyodo.groups;
