package jp.kyodo.groups;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A civic group and its registration. The workflow methods are the only way its status changes; each refuses a
 * move the current status does not allow.
 */
@Entity
@Table(name = "civic_group")
class CivicGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupType type;

    @Column(nullable = false)
    private String name;
    private String nameKana;
    private LocalDate foundedOn;
    private Integer membersCount;
    private String membershipFee;
    private String areaCode;
    private String purpose;
    private String activities;
    private String website;
    private String socialLinks;
    private String meetingPlace;
    private String meetingTimes;
    private boolean welcomesMembers;
    private boolean welcomesVolunteers;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "civic_group_field", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "field_code")
    private Set<String> fieldCodes = new LinkedHashSet<>();

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "rep_name")),
            @AttributeOverride(name = "nameKana", column = @Column(name = "rep_name_kana")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "rep_postal_code")),
            @AttributeOverride(name = "address", column = @Column(name = "rep_address")),
            @AttributeOverride(name = "phone", column = @Column(name = "rep_phone")),
            @AttributeOverride(name = "email", column = @Column(name = "rep_email")),
            @AttributeOverride(name = "publishAddress", column = @Column(name = "rep_publish_address")),
            @AttributeOverride(name = "publishPhone", column = @Column(name = "rep_publish_phone")),
            @AttributeOverride(name = "publishEmail", column = @Column(name = "rep_publish_email")),
            @AttributeOverride(name = "consentAddress", column = @Column(name = "rep_consent_address")),
            @AttributeOverride(name = "consentPhone", column = @Column(name = "rep_consent_phone")),
            @AttributeOverride(name = "consentEmail", column = @Column(name = "rep_consent_email")),
            @AttributeOverride(name = "consentedAt", column = @Column(name = "rep_consented_at"))})
    private Person representative;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "contact_name")),
            @AttributeOverride(name = "nameKana", column = @Column(name = "contact_name_kana")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "contact_postal_code")),
            @AttributeOverride(name = "address", column = @Column(name = "contact_address")),
            @AttributeOverride(name = "phone", column = @Column(name = "contact_phone")),
            @AttributeOverride(name = "email", column = @Column(name = "contact_email")),
            @AttributeOverride(name = "publishAddress", column = @Column(name = "contact_publish_address")),
            @AttributeOverride(name = "publishPhone", column = @Column(name = "contact_publish_phone")),
            @AttributeOverride(name = "publishEmail", column = @Column(name = "contact_publish_email")),
            @AttributeOverride(name = "consentAddress", column = @Column(name = "contact_consent_address")),
            @AttributeOverride(name = "consentPhone", column = @Column(name = "contact_consent_phone")),
            @AttributeOverride(name = "consentEmail", column = @Column(name = "contact_consent_email")),
            @AttributeOverride(name = "consentedAt", column = @Column(name = "contact_consented_at"))})
    private Person contact;

    private boolean declaresActiveInCity;
    private boolean declaresNoPolitical;
    private boolean declaresNoReligious;
    private boolean declaresNoAntisocial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupStatus status;

    private int draftStep;
    private String registrationNumber;
    private LocalDate registeredOn;
    private LocalDate validUntil;
    private String lastDecisionMessage;
    private Instant submittedAt;
    private Instant renewalRequestedAt;
    private LocalDate renewalRemindedOn;

    @Column(nullable = false)
    private Long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CivicGroup() {
    }

    /** A new application, begun by an account that becomes its 担当者. */
    static CivicGroup draft(GroupType type, String name, String nameKana, long createdBy, Instant now) {
        CivicGroup g = new CivicGroup();
        g.type = type;
        g.name = name;
        g.nameKana = nameKana;
        g.status = GroupStatus.DRAFT;
        g.draftStep = 1;
        g.representative = Person.empty();
        g.contact = Person.empty();
        g.createdBy = createdBy;
        g.createdAt = now;
        g.updatedAt = now;
        return g;
    }

    void editBasics(GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount,
                    String membershipFee, String areaCode, Instant now) {
        requireEditable();
        assignBasics(type, name, nameKana, foundedOn, membersCount, membershipFee, areaCode);
        touch(2, now);
    }

    /** A change to a registered group's basic information (変更届), accepted or free. */
    void changeBasics(GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount,
                      String membershipFee, String areaCode, Instant now) {
        requireRegistered();
        assignBasics(type, name, nameKana, foundedOn, membersCount, membershipFee, areaCode);
        updatedAt = now;
    }

    private void assignBasics(GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount,
                              String membershipFee, String areaCode) {
        this.type = type;
        this.name = name;
        this.nameKana = nameKana;
        this.foundedOn = foundedOn;
        this.membersCount = membersCount;
        this.membershipFee = membershipFee;
        this.areaCode = areaCode;
    }

    void editActivities(Set<String> fieldCodes, String purpose, String activities, String website, String socialLinks,
                        String meetingPlace, String meetingTimes, boolean welcomesMembers, boolean welcomesVolunteers,
                        Instant now) {
        requireEditable();
        assignActivities(fieldCodes, purpose, activities, website, socialLinks, meetingPlace, meetingTimes, welcomesMembers,
                welcomesVolunteers);
        touch(3, now);
    }

    void changeActivities(Set<String> fieldCodes, String purpose, String activities, String website, String socialLinks,
                          String meetingPlace, String meetingTimes, boolean welcomesMembers, boolean welcomesVolunteers,
                          Instant now) {
        requireRegistered();
        assignActivities(fieldCodes, purpose, activities, website, socialLinks, meetingPlace, meetingTimes, welcomesMembers,
                welcomesVolunteers);
        updatedAt = now;
    }

    private void assignActivities(Set<String> fieldCodes, String purpose, String activities, String website, String socialLinks,
                                  String meetingPlace, String meetingTimes, boolean welcomesMembers, boolean welcomesVolunteers) {
        this.fieldCodes = new LinkedHashSet<>(fieldCodes);
        this.purpose = purpose;
        this.activities = activities;
        this.website = website;
        this.socialLinks = socialLinks;
        this.meetingPlace = meetingPlace;
        this.meetingTimes = meetingTimes;
        this.welcomesMembers = welcomesMembers;
        this.welcomesVolunteers = welcomesVolunteers;
    }

    void editPeople(Person representative, Person contact, Instant now) {
        requireEditable();
        this.representative = representative == null ? null : representative.keepingConsentOf(this.representative);
        this.contact = contact == null ? null : contact.keepingConsentOf(this.contact);
        touch(4, now);
    }

    void changePeople(Person representative, Person contact, Instant now) {
        requireRegistered();
        this.representative = representative == null ? null : representative.keepingConsentOf(this.representative);
        this.contact = contact == null ? null : contact.keepingConsentOf(this.contact);
        updatedAt = now;
    }

    /** The person in a role: "rep" for the representative, "contact" for the contact person. */
    Person person(String role) {
        return switch (role) {
            case "rep" -> representative;
            case "contact" -> contact;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** Records a person's own answer about publishing their contact details. */
    void consent(String role, boolean toAddress, boolean toPhone, boolean toEmail, Instant now) {
        Person p = person(role);
        if (p == null) {
            throw new IllegalStateException("No " + role + " in group " + id);
        }
        p.consent(toAddress, toPhone, toEmail, now);
        updatedAt = now;
    }

    void documentsDone(Instant now) {
        requireEditable();
        touch(5, now);
    }

    void declare(boolean activeInCity, boolean noPolitical, boolean noReligious, boolean noAntisocial, Instant now) {
        requireEditable();
        this.declaresActiveInCity = activeInCity;
        this.declaresNoPolitical = noPolitical;
        this.declaresNoReligious = noReligious;
        this.declaresNoAntisocial = noAntisocial;
        this.updatedAt = now;
    }

    /** Sends the application to the secretariat; the caller has checked eligibility and documents. */
    void submit(Instant now) {
        requireEditable();
        status = GroupStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
    }

    void approve(String registrationNumber, LocalDate registeredOn, LocalDate validUntil, Instant now) {
        require(status == GroupStatus.SUBMITTED, "Only a submitted application can be approved");
        this.status = GroupStatus.REGISTERED;
        this.registrationNumber = registrationNumber;
        this.registeredOn = registeredOn;
        this.validUntil = validUntil;
        this.lastDecisionMessage = null;
        this.updatedAt = now;
    }

    void returnForCorrection(String message, Instant now) {
        require(status == GroupStatus.SUBMITTED, "Only a submitted application can be returned");
        this.status = GroupStatus.RETURNED;
        this.lastDecisionMessage = message;
        this.updatedAt = now;
    }

    void refuse(String reason, Instant now) {
        require(status == GroupStatus.SUBMITTED, "Only a submitted application can be refused");
        this.status = GroupStatus.REFUSED;
        this.lastDecisionMessage = reason;
        this.updatedAt = now;
    }

    /** The group asks to renew within the renewal window; the secretariat then accepts it. */
    void requestRenewal(Instant now) {
        require(status == GroupStatus.REGISTERED, "Only a registered group can renew");
        require(renewalRequestedAt == null, "Renewal already requested");
        renewalRequestedAt = now;
        updatedAt = now;
    }

    void refuseRenewal(String reason, Instant now) {
        require(status == GroupStatus.REGISTERED && renewalRequestedAt != null, "No renewal to refuse");
        renewalRequestedAt = null;
        lastDecisionMessage = reason;
        updatedAt = now;
    }

    void acceptRenewal(LocalDate newValidUntil, Instant now) {
        require(status == GroupStatus.REGISTERED && renewalRequestedAt != null, "No renewal to accept");
        require(newValidUntil.isAfter(validUntil), "A renewal extends the validity");
        validUntil = newValidUntil;
        renewalRequestedAt = null;
        lastDecisionMessage = null;
        renewalRemindedOn = null;
        updatedAt = now;
    }

    void remindedOfRenewal(LocalDate on) {
        renewalRemindedOn = on;
    }

    /** The group's own notice that it has ended (廃止届). */
    void dissolve(String reason, Instant now) {
        require(status == GroupStatus.REGISTERED, "Only a registered group can be dissolved");
        status = GroupStatus.DISSOLVED;
        lastDecisionMessage = reason;
        updatedAt = now;
    }

    /** The city cancels a registration, with a reason (登録の取消し). */
    void cancel(String reason, Instant now) {
        require(status == GroupStatus.REGISTERED, "Only a registered group can be cancelled");
        status = GroupStatus.CANCELLED;
        lastDecisionMessage = reason;
        updatedAt = now;
    }

    /** A registration that was not renewed by the end of its validity. */
    void expire(Instant now) {
        require(status == GroupStatus.REGISTERED, "Only a registered group can expire");
        this.status = GroupStatus.EXPIRED;
        this.updatedAt = now;
    }

    /** Whether the group is in the public directory on a date (registered and within its validity). */
    boolean listedOn(LocalDate date) {
        return status == GroupStatus.REGISTERED && validUntil != null && !date.isAfter(validUntil);
    }

    private void touch(int reachedStep, Instant now) {
        draftStep = Math.max(draftStep, reachedStep);
        updatedAt = now;
    }

    private void requireRegistered() {
        require(status == GroupStatus.REGISTERED, "Only a registered group's information can be changed by notice");
    }

    private void requireEditable() {
        require(status.editable(), "The application cannot be edited in status " + status);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    Long id() { return id; }
    GroupType type() { return type; }
    String name() { return name; }
    String nameKana() { return nameKana; }
    LocalDate foundedOn() { return foundedOn; }
    Integer membersCount() { return membersCount; }
    String membershipFee() { return membershipFee; }
    String areaCode() { return areaCode; }
    String purpose() { return purpose; }
    String activities() { return activities; }
    String website() { return website; }
    String socialLinks() { return socialLinks; }
    String meetingPlace() { return meetingPlace; }
    String meetingTimes() { return meetingTimes; }
    boolean welcomesMembers() { return welcomesMembers; }
    boolean welcomesVolunteers() { return welcomesVolunteers; }
    Set<String> fieldCodes() { return Set.copyOf(fieldCodes); }
    Person representative() { return representative; }
    Person contact() { return contact; }
    boolean declaresActiveInCity() { return declaresActiveInCity; }
    boolean declaresNoPolitical() { return declaresNoPolitical; }
    boolean declaresNoReligious() { return declaresNoReligious; }
    boolean declaresNoAntisocial() { return declaresNoAntisocial; }
    GroupStatus status() { return status; }
    int draftStep() { return draftStep; }
    String registrationNumber() { return registrationNumber; }
    LocalDate registeredOn() { return registeredOn; }
    LocalDate validUntil() { return validUntil; }
    String lastDecisionMessage() { return lastDecisionMessage; }
    Instant submittedAt() { return submittedAt; }
    Instant renewalRequestedAt() { return renewalRequestedAt; }
    LocalDate renewalRemindedOn() { return renewalRemindedOn; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
