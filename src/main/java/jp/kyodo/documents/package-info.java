/**
 * PDF documents (certificates, agreements, notices) rendered from any module's Thymeleaf templates with an embedded
 * Japanese font. Depends on the shared kernel only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = "shared")
package jp.kyodo.documents;
