/**
 * Collaboration projects (協働事業): calls and city themes, partner finding, prior consultation, proposals and their
 * screening by the committee, and the adoption decision. Depends on the shared kernel, accounts, the audit log,
 * notifications, search, the group registry and documents (the agreement as a PDF).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collaboration projects",
        allowedDependencies = {"shared", "accounts", "audit", "notifications", "search", "groups", "documents"})
package jp.kyodo.collaboration;
