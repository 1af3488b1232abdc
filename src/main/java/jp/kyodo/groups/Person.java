package jp.kyodo.groups;

import jakarta.persistence.Embeddable;

/**
 * A group's representative or contact person. Address, phone and e-mail are private unless the person consented
 * to publishing that field.
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
    public boolean publishAddress() { return publishAddress; }
    public boolean publishPhone() { return publishPhone; }
    public boolean publishEmail() { return publishEmail; }

    /** The address if its owner agreed to publish it, else null. */
    public String publicAddress() { return publishAddress ? address : null; }
    public String publicPhone() { return publishPhone ? phone : null; }
    public String publicEmail() { return publishEmail ? email : null; }

    boolean complete() {
        return name != null && !name.isBlank() && ((phone != null && !phone.isBlank()) || (email != null && !email.isBlank()));
    }
}
