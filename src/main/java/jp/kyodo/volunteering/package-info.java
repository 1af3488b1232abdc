/**
 * Volunteering and businesses' social contribution (参加の機会・事業者の活動支援): registered groups' volunteer
 * opportunities and residents' applications and records, businesses' offers and groups' needs with suggested matches,
 * relayed messages, reports and moderation. Depends on the shared kernel, accounts, the registry, search, documents,
 * the audit log and notifications (and support, to record an agreed cooperation).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteering and business contribution",
        allowedDependencies = {"shared", "accounts", "groups", "search", "documents", "audit", "notifications", "support"})
package jp.kyodo.volunteering;
