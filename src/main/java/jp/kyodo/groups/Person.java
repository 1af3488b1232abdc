package jp.kyodo.groups;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * A group's representative or contact person. Address, phone and e-mail are private unless two things hold for that
 * field: the group asked to publish it ({@code publish*}), and the person themselves agreed ({@code consent*}), through
 * the link mailed to them, by ticking the box while signed in with their own address, or on paper to the secretariat.
 */
@Embeddable
public class Person {

    private String name;
    private String nameKana;
    private String postalCode;
    private String address;
    private String phone;
    private String email;
    private boolean publishAddress;
    private boolean publishPhone;
    private boolean publishEmail;
    /** The person's answer per field: null until they answer, then yes or no. */
    private Boolean consentAddress;
    private Boolean consentPhone;
    private Boolean consentEmail;
    private Instant consentedAt;

    protected Person() {
    }

    /** Nobody yet (a new application). */
    static Person empty() {
        return new Person();
    }

    public Person(String name, String nameKana, String postalCode, String address, String phone, String email,
                  boolean publishAddress, boolean publishPhone, boolean publishEmail) {
        this.name = name;
        this.nameKana = nameKana;
        this.postalCode = postalCode;
        this.address = address;
        this.phone = phone;
        this.email = email;
        this.publishAddress = publishAddress;
        this.publishPhone = publishPhone;
        this.publishEmail = publishEmail;
    }

    public String name() { return name; }
    public String nameKana() { return nameKana; }
    public String postalCode() { return postalCode; }
    public String address() { return address; }
    public String phone() { return phone; }
    public String email() { return email; }
    /** Whether the group asked to publish the address (the person's own consent is a separate matter). */
    public boolean publishAddress() { return publishAddress; }
    public boolean publishPhone() { return publishPhone; }
    public boolean publishEmail() { return publishEmail; }
    public Instant consentedAt() { return consentedAt; }

    /** The address if the group asked to publish it and its owner agreed, else null. */
    public String publicAddress() { return addressPublication() == Publication.PUBLIC ? address : null; }
    public String publicPhone() { return phonePublication() == Publication.PUBLIC ? phone : null; }
    public String publicEmail() { return emailPublication() == Publication.PUBLIC ? email : null; }

    /** How each contact field stands, for the pages that show it to the group and the secretariat. */
    public Publication addressPublication() { return Publication.of(address, publishAddress, consentAddress); }
    public Publication phonePublication() { return Publication.of(phone, publishPhone, consentPhone); }
    public Publication emailPublication() { return Publication.of(email, publishEmail, consentEmail); }

    /** Whether the group asked to publish a field the person has not agreed to yet. */
    public boolean awaitsConsent() {
        return addressPublication() == Publication.AWAITING_CONSENT || phonePublication() == Publication.AWAITING_CONSENT
                || emailPublication() == Publication.AWAITING_CONSENT;
    }

    /** Where a contact field stands. */
    public enum Publication {
        /** The group did not ask to publish it (or there is nothing to publish). */
        PRIVATE,
        /** Asked for; the person has not answered. Private until they do. */
        AWAITING_CONSENT,
        /** Asked for; the person said no. */
        DECLINED,
        PUBLIC;

        static Publication of(String value, boolean requested, Boolean consent) {
            if (value == null || value.isBlank() || !requested) {
                return PRIVATE;
            }
            if (consent == null) {
                return AWAITING_CONSENT;
            }
            return consent ? PUBLIC : DECLINED;
        }
    }

    /**
     * Keeps the consents given for the same person to the values that did not change: a new person, or a new phone
     * number, needs that person's agreement again.
     */
    Person keepingConsentOf(Person before) {
        if (before == null || !samePerson(before)) {
            return this;
        }
        consentAddress = Objects.equals(address, before.address) ? before.consentAddress : null;
        consentPhone = Objects.equals(phone, before.phone) ? before.consentPhone : null;
        consentEmail = Objects.equals(email, before.email) ? before.consentEmail : null;
        consentedAt = before.consentedAt;
        return this;
    }

    private boolean samePerson(Person other) {
        return Objects.equals(name, other.name) && (email == null || other.email == null || email.equalsIgnoreCase(other.email));
    }

    /** The person's own answer: only fields the group asked for can be agreed to. */
    void consent(boolean toAddress, boolean toPhone, boolean toEmail, Instant at) {
        consentAddress = publishAddress ? toAddress : null;
        consentPhone = publishPhone ? toPhone : null;
        consentEmail = publishEmail ? toEmail : null;
        consentedAt = at;
    }

    boolean complete() {
        return name != null && !name.isBlank() && ((phone != null && !phone.isBlank()) || (email != null && !email.isBlank()));
    }
}
