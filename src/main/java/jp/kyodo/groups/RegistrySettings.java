package jp.kyodo.groups;

import java.time.MonthDay;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The registry's rules, with the defaults in application.yml (DOMAIN.md, "Group registry"). */
@ConfigurationProperties("kyodo.groups")
record RegistrySettings(int minMembers, String numberPattern, int validityFiscalYears, MonthDay renewalOpens,
                        DataSize maxDocumentSize, List<Entry> fields, List<Entry> areas) {

    /** A field of activity or an area, as first loaded into the database (administrable afterwards). */
    record Entry(String code, String name, String nameEn) {
    }

    /** The registration number for the n-th registration of a fiscal year, e.g. 2026-007. */
    String number(int fiscalYear, int sequence) {
        return numberPattern.replace("{fy}", String.valueOf(fiscalYear)).replace("{seq}", String.format("%03d", sequence));
    }
}
