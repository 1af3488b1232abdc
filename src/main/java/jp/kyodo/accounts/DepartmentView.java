package jp.kyodo.accounts;

import java.util.Locale;

/** A department as other modules and pages see it. */
public record DepartmentView(Long id, String code, String name, String nameEn, boolean secretariat, boolean active,
                             long version) {

    public String displayName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
