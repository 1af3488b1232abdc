package jp.kyodo.groups;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the registry: which groups a person manages, a group's profile for a form the
 * group sends to the city (not public), whether it is registered, and the listed groups' public information.
 */
@Service
public class Groups {

    private final GroupRegistry registry;
    private final GroupMembers members;
    private final CivicGroups groups;
    private final ReferenceData reference;

    Groups(GroupRegistry registry, GroupMembers members, CivicGroups groups, ReferenceData reference) {
        this.reference = reference;
        this.registry = registry;
        this.members = members;
        this.groups = groups;
    }

    /** A group as its own people and the city see it on a form: the registry's data, personal details included. */
    public record GroupProfile(long id, String name, String nameKana, GroupType type, GroupStatus status, String registrationNumber,
                               Integer membersCount, java.time.LocalDate foundedOn, String purpose, String activities,
                               List<String> fieldCodes, String areaCode, Person representative, Person contact) {

        /** Registered and not expired, dissolved or cancelled: may propose projects and apply to programmes. */
        public boolean inGoodStanding() {
            return status == GroupStatus.REGISTERED;
        }
    }

    /** The groups an account manages (代表者 or 担当者), by name. */
    @Transactional(readOnly = true)
    public List<GroupProfile> managedBy(long accountId) {
        return members.findByAccountId(accountId).stream().filter(m -> m.role().manages())
                .map(m -> groups.findById(m.groupId())).flatMap(Optional::stream).map(Groups::profile)
                .sorted(Comparator.comparing(GroupProfile::name)).toList();
    }

    /** Whether the account manages the group. */
    @Transactional(readOnly = true)
    public boolean manages(long groupId, long accountId) {
        return members.findById(new GroupMember.Key(groupId, accountId)).map(m -> m.role().manages()).orElse(false);
    }

    /** Whether the account is the group's representative (代表者), who signs for it. */
    @Transactional(readOnly = true)
    public boolean represents(long groupId, long accountId) {
        return members.findById(new GroupMember.Key(groupId, accountId)).map(m -> m.role() == GroupRole.REPRESENTATIVE).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<GroupProfile> profile(long groupId) {
        return groups.findById(groupId).map(Groups::profile);
    }

    /** Several groups' profiles by id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, GroupProfile> profiles(Collection<Long> groupIds) {
        Map<Long, GroupProfile> profiles = new HashMap<>();
        if (!groupIds.isEmpty()) {
            groups.findAllById(Set.copyOf(groupIds)).forEach(g -> profiles.put(g.id(), profile(g)));
        }
        return profiles;
    }

    /** Whether a group is listed (registered and within its validity) today, reading that group only. */
    @Transactional(readOnly = true)
    public boolean isListed(long groupId) {
        return registry.listed(groupId).isPresent();
    }

    /** The names of groups by id, in one query (lists naming many groups). */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> groupIds) {
        Map<Long, String> names = new HashMap<>();
        if (!groupIds.isEmpty()) {
            groups.findAllById(Set.copyOf(groupIds)).forEach(g -> names.put(g.id(), g.name()));
        }
        return names;
    }

    /** The listed (registered) groups' public information. */
    @Transactional(readOnly = true)
    public List<PublicGroup> listed() {
        return registry.listed();
    }

    /** The active addresses of a group's managing people, for mail about its proposals and applications. */
    @Transactional(readOnly = true)
    public List<String> managerEmails(long groupId) {
        return registry.managerEmails(groupId);
    }

    /** The fields of activity (administrable; retired ones included, marked inactive). */
    public List<Choice> fields() {
        return reference.fields();
    }

    /** The city's areas (地区). */
    public List<Choice> areas() {
        return reference.areas();
    }

    private static GroupProfile profile(CivicGroup g) {
        return new GroupProfile(g.id(), g.name(), g.nameKana(), g.type(), g.status(), g.registrationNumber(), g.membersCount(),
                g.foundedOn(), g.purpose(), g.activities(), List.copyOf(g.fieldCodes()), g.areaCode(), g.representative(), g.contact());
    }
}
