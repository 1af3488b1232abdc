/**
 * Operations: the database backup and restore command of the portal's jar, and the metrics of Spring Modulith's event
 * registry that no module owns. Depends on the shared kernel, and on the embedded database's start-up (in the root package).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {"shared"})
package jp.kyodo.operations;
