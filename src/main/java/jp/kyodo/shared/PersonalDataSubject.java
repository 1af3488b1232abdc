package jp.kyodo.shared;

/** The person whose data a {@link PersonalDataSection} exports or erases: their account id, e-mail address and name. */
public record PersonalDataSubject(long accountId, String email, String name) {
}
