/**
 * Operations: the database backup and restore command of the portal's jar, and the metrics of Spring Modulith's event
 * registry that no module owns. Depends on the shared kernel (which starts the embedded database).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {"shared"})
package jp.kyodo.operations;
