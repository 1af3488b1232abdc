package jp.kyodo.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A group as its own people and the city's staff see it: everything, private details included. */
public record GroupView(Long id, GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount,
                        String membershipFee, Choice area, List<Choice> fields, String purpose, String activities,
                        String website, String socialLinks, String meetingPlace, String meetingTimes,
                        boolean welcomesMembers, boolean welcomesVolunteers, Person representative, Person contact,
                        boolean declaresActiveInCity, boolean declaresNoPolitical, boolean declaresNoReligious,
                        boolean declaresNoAntisocial, GroupStatus status, int draftStep, String registrationNumber,
                        LocalDate registeredOn, LocalDate validUntil, String lastDecisionMessage, Instant submittedAt,
                        Instant updatedAt, long version, Instant renewalRequestedAt, boolean renewalOpen) {

    /** Whether a person has yet to agree to publishing a contact detail the group asked to publish. */
    public boolean awaitsConsent() {
        return status != GroupStatus.DRAFT && ((representative != null && representative.awaitsConsent())
                || (contact != null && contact.awaitsConsent()));
    }

    public List<String> fieldCodes() {
        return fields.stream().map(Choice::code).toList();
    }
}
