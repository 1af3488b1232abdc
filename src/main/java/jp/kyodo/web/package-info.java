/**
 * The web shell: security configuration, the layout and its model, the home page, static pages and error handling.
 * Depends on the shared kernel only; modules bring their own controllers and templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = "shared")
package jp.kyodo.web;
