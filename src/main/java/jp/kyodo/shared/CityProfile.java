package jp.kyodo.shared;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The city running the portal: its name, the programme's name and the secretariat's contact, from one place. */
@ConfigurationProperties("kyodo.city")
public record CityProfile(
        String name,
        String nameEn,
        String prefecture,
        String programmeName,
        String programmeNameEn,
        String division,
        String divisionEn,
        String postalCode,
        String address,
        String addressEn,
        String phone,
        String fax,
        String email,
        String officeHours,
        String officeHoursEn,
        ZoneId zone,
        String localGovernmentCode) {

    /** Without the 全国地方公共団体コード (open data then leaves it empty). */
    public CityProfile(String name, String nameEn, String prefecture, String programmeName, String programmeNameEn, String division,
                       String divisionEn, String postalCode, String address, String addressEn, String phone, String fax, String email,
                       String officeHours, String officeHoursEn, ZoneId zone) {
        this(name, nameEn, prefecture, programmeName, programmeNameEn, division, divisionEn, postalCode, address, addressEn, phone, fax,
                email, officeHours, officeHoursEn, zone, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public CityProfile {
        if (zone == null) {
            zone = ZoneId.of("Asia/Tokyo");
        }
    }

    /** The portal's title, e.g. 本庄市 市民協働ポータル. */
    public String portalTitle(Locale locale) {
        return isEnglish(locale) ? nameEn + " " + programmeNameEn : name + " " + programmeName;
    }

    public String cityName(Locale locale) {
        return isEnglish(locale) ? nameEn : name;
    }

    public String programme(Locale locale) {
        return isEnglish(locale) ? programmeNameEn : programmeName;
    }

    public String divisionName(Locale locale) {
        return isEnglish(locale) ? divisionEn : division;
    }

    public String addressText(Locale locale) {
        return isEnglish(locale) ? addressEn : address;
    }

    public String hours(Locale locale) {
        return isEnglish(locale) ? officeHoursEn : officeHours;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
