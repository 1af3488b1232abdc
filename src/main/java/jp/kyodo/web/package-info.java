/**
 * The web shell: security configuration, the layout and its model, the home page, static pages and error handling.
 * Depends on the shared kernel and accounts (whose sessions it checks); modules bring their own controllers and templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"shared", "accounts"})
package jp.kyodo.web;
