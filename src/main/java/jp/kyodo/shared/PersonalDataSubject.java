package jp.kyodo.shared;

/**
 * The person whose data a {@link PersonalDataSection} exports or erases: their account id, e-mail address, name, and the
 * phone number and address of their profile (null when not given).
 */
public record PersonalDataSubject(long accountId, String email, String name, String phone, String address) {
}
