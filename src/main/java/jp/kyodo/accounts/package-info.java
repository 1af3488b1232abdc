/**
 * Accounts: people, their roles, the city's departments, sign-up, login, profiles and staff administration.
 * Depends on the shared kernel, the audit log and notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = {"shared", "audit", "notifications"})
package jp.kyodo.accounts;
