/**
 * Shared kernel: value types and date/text utilities for Japanese municipal data that every other module may use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kyodo.shared;
