/**
 * Site-wide search: a Lucene index of the public records of the other modules, analysed for Japanese (words,
 * readings and character pairs), fed by their events and rebuilt from their sources.
 * Depends on the shared kernel, and on the audit log for the rebuilds administrators start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"shared", "audit"})
package jp.kyodo.search;
