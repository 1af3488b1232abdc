package jp.kyodo.groups;

import java.util.LinkedHashSet;
import java.util.Set;

/** The application as typed, one object for all steps; each step's page binds the fields it shows. */
public class ApplicationForm {

    private long version;
    private String type;
    private String name;
    private String nameKana;
    private String foundedOn;
    private String membersCount;
    private String membershipFee;
    private String areaCode;
    private Set<String> fieldCodes = new LinkedHashSet<>();
    private String purpose;
    private String activities;
    private String website;
    private String socialLinks;
    private String meetingPlace;
    private String meetingTimes;
    private boolean welcomesMembers;
    private boolean welcomesVolunteers;
    private PersonForm rep = new PersonForm();
    private PersonForm contact = new PersonForm();
    private boolean declaresActiveInCity;
    private boolean declaresNoPolitical;
    private boolean declaresNoReligious;
    private boolean declaresNoAntisocial;

    static ApplicationForm of(GroupView g) {
        ApplicationForm f = new ApplicationForm();
        f.version = g.version();
        f.type = g.type().name();
        f.name = g.name();
        f.nameKana = g.nameKana();
        f.foundedOn = g.foundedOn() == null ? null : g.foundedOn().toString();
        f.membersCount = g.membersCount() == null ? null : g.membersCount().toString();
        f.membershipFee = g.membershipFee();
        f.areaCode = g.area() == null ? null : g.area().code();
        f.fieldCodes = new LinkedHashSet<>(g.fieldCodes());
        f.purpose = g.purpose();
        f.activities = g.activities();
        f.website = g.website();
        f.socialLinks = g.socialLinks();
        f.meetingPlace = g.meetingPlace();
        f.meetingTimes = g.meetingTimes();
        f.welcomesMembers = g.welcomesMembers();
        f.welcomesVolunteers = g.welcomesVolunteers();
        f.rep = PersonForm.of(g.representative());
        f.contact = PersonForm.of(g.contact());
        f.declaresActiveInCity = g.declaresActiveInCity();
        f.declaresNoPolitical = g.declaresNoPolitical();
        f.declaresNoReligious = g.declaresNoReligious();
        f.declaresNoAntisocial = g.declaresNoAntisocial();
        return f;
    }

    /** A person's part of the form. */
    public static class PersonForm {
        private String name;
        private String nameKana;
        private String postalCode;
        private String address;
        private String phone;
        private String email;
        private boolean publishAddress;
        private boolean publishPhone;
        private boolean publishEmail;

        static PersonForm of(Person p) {
            PersonForm f = new PersonForm();
            if (p != null) {
                f.name = p.name();
                f.nameKana = p.nameKana();
                f.postalCode = p.postalCode() == null ? null : jp.kyodo.shared.PostalCode.parse(p.postalCode()).format();
                f.address = p.address();
                f.phone = p.phone();
                f.email = p.email();
                f.publishAddress = p.publishAddress();
                f.publishPhone = p.publishPhone();
                f.publishEmail = p.publishEmail();
            }
            return f;
        }

        GroupRegistry.PersonInput input() {
            return new GroupRegistry.PersonInput(name, nameKana, postalCode, address, phone, email, publishAddress, publishPhone, publishEmail);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getNameKana() { return nameKana; }
        public void setNameKana(String v) { nameKana = v; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String v) { postalCode = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public boolean isPublishAddress() { return publishAddress; }
        public void setPublishAddress(boolean v) { publishAddress = v; }
        public boolean isPublishPhone() { return publishPhone; }
        public void setPublishPhone(boolean v) { publishPhone = v; }
        public boolean isPublishEmail() { return publishEmail; }
        public void setPublishEmail(boolean v) { publishEmail = v; }
    }

    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getNameKana() { return nameKana; }
    public void setNameKana(String v) { nameKana = v; }
    public String getFoundedOn() { return foundedOn; }
    public void setFoundedOn(String v) { foundedOn = v; }
    public String getMembersCount() { return membersCount; }
    public void setMembersCount(String v) { membersCount = v; }
    public String getMembershipFee() { return membershipFee; }
    public void setMembershipFee(String v) { membershipFee = v; }
    public String getAreaCode() { return areaCode; }
    public void setAreaCode(String v) { areaCode = v; }
    public Set<String> getFieldCodes() { return fieldCodes; }
    public void setFieldCodes(Set<String> v) { fieldCodes = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getActivities() { return activities; }
    public void setActivities(String v) { activities = v; }
    public String getWebsite() { return website; }
    public void setWebsite(String v) { website = v; }
    public String getSocialLinks() { return socialLinks; }
    public void setSocialLinks(String v) { socialLinks = v; }
    public String getMeetingPlace() { return meetingPlace; }
    public void setMeetingPlace(String v) { meetingPlace = v; }
    public String getMeetingTimes() { return meetingTimes; }
    public void setMeetingTimes(String v) { meetingTimes = v; }
    public boolean isWelcomesMembers() { return welcomesMembers; }
    public void setWelcomesMembers(boolean v) { welcomesMembers = v; }
    public boolean isWelcomesVolunteers() { return welcomesVolunteers; }
    public void setWelcomesVolunteers(boolean v) { welcomesVolunteers = v; }
    public PersonForm getRep() { return rep; }
    public void setRep(PersonForm v) { rep = v; }
    public PersonForm getContact() { return contact; }
    public void setContact(PersonForm v) { contact = v; }
    public boolean isDeclaresActiveInCity() { return declaresActiveInCity; }
    public void setDeclaresActiveInCity(boolean v) { declaresActiveInCity = v; }
    public boolean isDeclaresNoPolitical() { return declaresNoPolitical; }
    public void setDeclaresNoPolitical(boolean v) { declaresNoPolitical = v; }
    public boolean isDeclaresNoReligious() { return declaresNoReligious; }
    public void setDeclaresNoReligious(boolean v) { declaresNoReligious = v; }
    public boolean isDeclaresNoAntisocial() { return declaresNoAntisocial; }
    public void setDeclaresNoAntisocial(boolean v) { declaresNoAntisocial = v; }
}
