/**
 * Information sharing (情報の共有): news with an Atom feed, case studies of collaboration (協働事例), the annual report
 * with its charts and downloads, and the open data catalogue. Depends on the shared kernel, accounts, the audit log,
 * notifications, search, documents, and reads the other modules' public figures and records for the report and the
 * case studies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
        allowedDependencies = {"shared", "accounts", "audit", "notifications", "search", "documents", "groups",
                "collaboration", "support", "participation", "training", "centre", "volunteering"})
package jp.kyodo.publishing;
