package jp.kyodo.groups;

import java.util.Locale;

/** A field or an area as a form and a page show it. */
public record Choice(String code, String name, String nameEn, boolean active) {

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
