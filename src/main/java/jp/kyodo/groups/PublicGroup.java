package jp.kyodo.groups;

import java.time.LocalDate;
import java.util.List;

/**
 * A registered group as the public sees it: the published items only. A person's address, phone and e-mail
 * appear only where that person consented to that field.
 */
public record PublicGroup(Long id, String registrationNumber, GroupType type, String name, String nameKana,
                          LocalDate foundedOn, Integer membersCount, String membershipFee, Choice area,
                          List<Choice> fields, String purpose, String activities, String website, String socialLinks,
                          String meetingPlace, String meetingTimes, boolean welcomesMembers, boolean welcomesVolunteers,
                          String representativeName, PublicContact representativeContact, String contactName,
                          PublicContact contactContact, LocalDate registeredOn, LocalDate validUntil) {

    /** The contact details a person agreed to publish; each is null unless consented. */
    public record PublicContact(String address, String phone, String email) {

        static PublicContact of(Person p) {
            return p == null ? new PublicContact(null, null, null) : new PublicContact(p.publicAddress(), p.publicPhone(), p.publicEmail());
        }

        public boolean empty() {
            return address == null && phone == null && email == null;
        }
    }
}
